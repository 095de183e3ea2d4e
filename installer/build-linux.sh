#!/usr/bin/env bash
# Build the Linux bundle of Albergue: a PyInstaller one-folder app in a tarball with a
# .desktop entry, then check that it starts (offscreen, on a fresh demo database: the
# sign-in must open and the scripted quit exit 0) and prints a PDF.
#
#   installer/build-linux.sh [--no-check]      -> dist/albergue-VERSION-linux-ARCH.tar.gz
#
# Needs only what `uv sync` installs (PyInstaller is a dev dependency); nothing is
# downloaded at build time. Details: docs/installer.md.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECK=1
[ "${1:-}" = "--no-check" ] && CHECK=0

VERSION=$(uv run --frozen python -c "from importlib.metadata import version; print(version('albergue-desktop'))")
ARCH=$(uname -m)
NAME="albergue-${VERSION}-linux-${ARCH}"
WORK=build/pyinstaller
rm -rf "$WORK" "dist/albergue" "dist/${NAME}" "dist/${NAME}.tar.gz"
mkdir -p dist

started=$(date +%s)
uv run --frozen pyinstaller --noconfirm --clean --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/work" installer/albergue.spec
echo "build: $(( $(date +%s) - started )) s"

# The tarball: albergue/ (the app), albergue.desktop and install-desktop-entry.sh, which
# writes the menu entry with the folder where the tarball was unpacked.
STAGE="dist/${NAME}"
mkdir -p "$STAGE"
mv "$WORK/dist/albergue" "$STAGE/albergue"
cp installer/albergue.desktop "$STAGE/albergue.desktop"
cp installer/install-desktop-entry.sh "$STAGE/install-desktop-entry.sh"
chmod +x "$STAGE/install-desktop-entry.sh" "$STAGE/albergue/albergue"
tar -C dist -czf "dist/${NAME}.tar.gz" "${NAME}"
echo "bundle: $(du -sh "$STAGE/albergue" | cut -f1) unpacked, $(du -h "dist/${NAME}.tar.gz" | cut -f1) tarball: dist/${NAME}.tar.gz"

if [ "$CHECK" = 1 ]; then
  APP="$STAGE/albergue/albergue"
  TMP=$(mktemp -d)
  trap 'rm -rf "$TMP"' EXIT
  "$APP" demo --db "$TMP/demo.sqlite" --persons 60 --centers 2 >/dev/null
  # the scripted quit: sign-in shown, closed unanswered, exit 0 (docs/installer.md)
  out=$(QT_QPA_PLATFORM=offscreen "$APP" --db "$TMP/demo.sqlite" --smoke-test 2>"$TMP/err") || {
    cat "$TMP/err" >&2; echo "the bundle did not start" >&2; exit 1; }
  echo "$out"
  case "$out" in *"sign-in shown"*) ;; *) echo "the sign-in did not open" >&2; exit 1;; esac
  # fonts, QR codes and the Spanish catalogs are inside: an ID card sheet prints
  printf 'albergue-demo\n' > "$TMP/pw"
  "$APP" report idcards --db "$TMP/demo.sqlite" --user admin --password-file "$TMP/pw" \
    --center 01 --backs --out "$TMP/cards.pdf"
  echo "check: the bundle starts, opens the sign-in, quits with 0 and prints a PDF"
fi

#!/bin/sh
# Install Albergue for the current user on Linux or macOS. Usage: sh installer/install.sh [--offline]
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
offline=""
[ "${1:-}" = "--offline" ] && offline="--offline"

if ! command -v uv >/dev/null 2>&1; then
  if command -v python3 >/dev/null 2>&1; then
    python3 -m pip install --user uv $offline 2>/dev/null || python3 -m pip install --user uv
    PATH="$HOME/.local/bin:$PATH"
  else
    echo "Se necesita Python 3.11 o posterior (python3)." >&2
    exit 1
  fi
fi

cd "$here"
uv sync --frozen $offline

if [ "$(uname -s)" = "Linux" ]; then
  apps="$HOME/.local/share/applications"
  mkdir -p "$apps"
  cat > "$apps/albergue.desktop" <<DESKTOP
[Desktop Entry]
Type=Application
Name=Albergue
Comment=Registro y gestión de albergues
Exec=sh -c 'cd "$here" && uv run albergue'
Terminal=false
Categories=Office;
DESKTOP
  echo "Acceso directo creado: $apps/albergue.desktop"
fi
echo "Albergue está instalado. Ábralo con: cd \"$here\" && uv run albergue"

#!/bin/sh
# Adds Albergue to the applications menu of the current user, pointing at the albergue/
# folder beside this script (run it again after moving the folder).
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
DEST="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$DEST"
sed "s|^Exec=.*|Exec=\"$HERE/albergue/albergue\"|" "$HERE/albergue.desktop" > "$DEST/albergue.desktop"
chmod 644 "$DEST/albergue.desktop"
echo "Albergue está en el menú de aplicaciones ($DEST/albergue.desktop)."

"""Entry point of the bundled app (installer/albergue.spec): the same `albergue` command."""

import sys

from albergue_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())

"""`python -m booklet` runs the command line."""

import sys

from booklet.cli import main

sys.exit(main())

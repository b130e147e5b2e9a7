"""`python -m booklet` runs the command line."""

import sys

from booklet.start import main

sys.exit(main())

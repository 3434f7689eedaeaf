"""``python -m kakanai``: the same as the ``kakanai`` command."""

import sys

from kakanai.cli import main

sys.exit(main())

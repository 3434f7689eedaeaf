"""``python -m kakanai``: the same as the ``kakanai`` command."""

import sys

from kakanai.launch import main

sys.exit(main())

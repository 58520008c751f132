"""`python -m plivo_masking_mock ...`: the same as the `plivo-masking-mock` command."""

import sys

from plivo_masking_mock.cli import main

sys.exit(main())

"""`python -m plivo_masking_contract ...`: the same as the `plivo-masking-contract` command."""

import sys

from plivo_masking_contract.cli import main

sys.exit(main())

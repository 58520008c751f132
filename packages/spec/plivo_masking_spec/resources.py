"""Where openapi.yaml is.

An installed `plivo-masking-spec` wheel carries the spec as package data (its build copies the
repository's root openapi.yaml in; no second copy is committed). In an editable install from a
checkout the package folder has no copy, and the checkout's root file is used: the same file the
wheel would carry. `$PLIVO_MASKING_SPEC` points every reader at another file instead.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

SPEC_ENV_VAR = "PLIVO_MASKING_SPEC"
SPEC_FILE_NAME = "openapi.yaml"
# packages/spec/plivo_masking_spec/resources.py -> the checkout's root.
_CHECKOUT_ROOT = Path(__file__).resolve().parents[3]


def packaged_spec_path() -> Path:
    """The spec that ships with this package (the checkout's root file in an editable install)."""
    packaged = resources.files(__package__ or "plivo_masking_spec") / SPEC_FILE_NAME
    if packaged.is_file():
        return Path(str(packaged))
    checkout = _CHECKOUT_ROOT / SPEC_FILE_NAME
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(
        f"plivo_masking_spec ships no {SPEC_FILE_NAME} (looked in the package and at {checkout}); "
        "reinstall plivo-masking-spec"
    )


def spec_path() -> Path:
    """$PLIVO_MASKING_SPEC if set, else the packaged spec."""
    configured = os.environ.get(SPEC_ENV_VAR, "").strip()
    return Path(configured) if configured else packaged_spec_path()

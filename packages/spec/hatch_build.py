"""Build hook: ship the repository's root openapi.yaml as plivo_masking_spec/openapi.yaml.

From a checkout the file is two folders up; from an sdist (which this hook filled) it is already
inside the package folder. Either way exactly one copy goes into the archive, and a build that
cannot find it fails instead of shipping a package without its spec. In an editable install
nothing is copied: plivo_masking_spec.resources falls back to the checkout's root file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

TARGET = "plivo_masking_spec/openapi.yaml"


class CustomBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        if (root / TARGET).is_file():
            return  # an sdist: the file is package data already
        checkout_spec = root.parent.parent / "openapi.yaml"
        if not checkout_spec.is_file():
            raise FileNotFoundError(f"no openapi.yaml at {checkout_spec}: build from the checkout")
        build_data["force_include"][str(checkout_spec)] = TARGET

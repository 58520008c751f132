"""Breaking-change gate for openapi.yaml: fails when a change would break existing clients.

Run as plivo-masking-check-breaking, or scripts/check-breaking in a checkout (which sets up
openapi-diff first). Two checks run on the same pair of documents:
  - openapi-diff (Atlassian, npm; openapi_diff.py): removed operations and status codes,
    request bodies that accept less, response bodies that may carry more;
  - own code, for what openapi-diff does not cover (operation_rules.py,
    schema_rules.py): parameters, enums, nullable, media types, callbacks, and the name
    of every field whose change makes a body change breaking.
Each change is printed in plain words with the operations it affects. Exit status: 0 when
nothing breaks (or there is nothing to compare with), 1 when something does, 2 on usage errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

from plivo_masking_spec.breaking.git import Base, default_base, locate, spec_at
from plivo_masking_spec.breaking.openapi_diff import OpenApiDiffError, run_openapi_diff
from plivo_masking_spec.breaking.operation_rules import OperationComparison
from plivo_masking_spec.breaking.report import Finding, render
from plivo_masking_spec.document import SpecError


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="plivo-masking-check-breaking",
        description="Fail if openapi.yaml changed in a way that breaks existing clients.",
    )
    parser.add_argument(
        "base_ref",
        nargs="?",
        help="git ref to compare with (default: see plivo_masking_spec/breaking/git.py)",
    )
    parser.add_argument("--base-file", type=Path, help="compare with this file instead of git")
    parser.add_argument(
        "--spec",
        type=Path,
        default=Path("openapi.yaml"),
        help="the new version (default: ./openapi.yaml); its git history gives the base",
    )
    args = parser.parse_args(argv)
    if args.base_ref and args.base_file:
        parser.error("give a BASE_REF or --base-file, not both")
    return args


def load(text: str, name: str) -> dict[str, Any]:
    document = yaml.safe_load(text)
    if not isinstance(document, dict) or "paths" not in document:
        raise ValueError(f"{name} is not an OpenAPI document")
    return document


def base_text(args: argparse.Namespace) -> tuple[str, str] | None:
    """(text of the old spec, what it is); None when there is nothing to compare with."""
    if args.base_file:
        return args.base_file.read_text(), str(args.base_file)
    located = locate(args.spec)
    if located is None:
        print(f"check-breaking: {args.spec} is not in a git repository; nothing to compare: pass")
        return None
    repo, spec_path = located
    base = Base(args.base_ref, args.base_ref) if args.base_ref else default_base(repo, spec_path)
    if base is None:
        print(f"check-breaking: no earlier commit to compare {spec_path} with: pass")
        return None
    text = spec_at(repo, base.ref, spec_path)
    if text is None:
        print(f"check-breaking: {spec_path} does not exist at {base.why}; nothing to compare: pass")
        return None
    return text, f"{spec_path} at {base.why}"


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not args.spec.is_file():
        print(f"check-breaking: no spec at {args.spec}", file=sys.stderr)
        return 2
    try:
        base = base_text(args)
        if base is None:
            return 0
        old_doc = load(base[0], base[1])
        new_doc = load(args.spec.read_text(), str(args.spec))
    except (OSError, ValueError, yaml.YAMLError) as error:
        print(f"check-breaking: {error}", file=sys.stderr)
        return 2
    print(f"check-breaking: comparing {args.spec} with {base[1]}")
    try:
        findings: list[Finding] = run_openapi_diff(old_doc, new_doc)
    except (OpenApiDiffError, SpecError) as error:
        print(f"check-breaking: {error}", file=sys.stderr)
        return 2
    try:
        findings += OperationComparison(old_doc, new_doc).run()
    except (KeyError, TypeError, ValueError, AttributeError, SpecError) as error:
        print(f"check-breaking: cannot compare the two documents: {error!r}", file=sys.stderr)
        return 2
    breaking = [finding for finding in findings if finding.breaking]
    if findings:
        print("\n".join(render(findings)))
    if breaking:
        count = len({finding.what for finding in breaking})
        print(f"check-breaking: FAIL: {count} breaking change{'s' if count > 1 else ''}")
        return 1
    print("check-breaking: no breaking change")
    return 0


if __name__ == "__main__":
    sys.exit(main())

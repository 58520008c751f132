"""The spec's evidence labels (`x-evidence`), collected and rendered as docs/evidence.md.

Every statement of openapi.yaml that goes beyond Plivo's current docs carries, on the node it
concerns, `x-evidence`: a mapping `{kind, source[, claim][, mock_setting]}` or a list of them.
`kind` is one of KINDS. `python -m plivo_masking_spec.evidence` (scripts/evidence-page) writes
the page; `--check` fails if the committed page differs from what the spec gives.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from plivo_masking_spec.document import JSON, SpecError, load_document

EXTENSION = "x-evidence"
KINDS: dict[str, str] = {
    "documented": "Plivo's docs say so.",
    "observed": "Recorded responses, the official SDKs' code or their tests show it.",
    "inferred": "Reasoned from indirect evidence; no source shows it directly.",
    "chosen": "No source: the spec's (and the mock's) decision.",
}
REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_SPEC = REPO_ROOT / "openapi.yaml"
DEFAULT_PAGE = REPO_ROOT / "docs" / "evidence.md"


@dataclass(frozen=True)
class Evidence:
    pointer: str  # JSON pointer of the node that carries the label
    kind: str
    source: str
    claim: str
    mock_setting: str | None


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _node_summary(node: JSON) -> str:
    for key in ("summary", "description"):
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            first = value.strip().split("\n\n")[0].replace("\n", " ")
            return first.split(". ")[0].rstrip(".")
    return ""


def _entries(pointer: str, node: JSON, label: Any) -> Iterator[Evidence]:
    items = label if isinstance(label, list) else [label]
    for index, item in enumerate(items):
        where = f"{pointer}/{EXTENSION}" + (f"/{index}" if isinstance(label, list) else "")
        if not isinstance(item, dict):
            raise SpecError(f"{where}: an evidence label must be a mapping")
        kind, source = item.get("kind"), item.get("source")
        if kind not in KINDS:
            raise SpecError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if not isinstance(source, str) or not source.strip():
            raise SpecError(f"{where}: source is missing")
        unknown = set(item) - {"kind", "source", "claim", "mock_setting"}
        if unknown:
            raise SpecError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        claim = item.get("claim") or _node_summary(node) or pointer
        setting = item.get("mock_setting")
        yield Evidence(pointer or "/", str(kind), source.strip(), str(claim), setting)


def collect(document: Any, pointer: str = "") -> Iterator[Evidence]:
    """Every evidence label of `document`, in document order."""
    if isinstance(document, dict):
        if EXTENSION in document:
            yield from _entries(pointer, document, document[EXTENSION])
        for key, value in document.items():
            if key != EXTENSION:
                yield from collect(value, f"{pointer}/{_escape(str(key))}")
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield from collect(value, f"{pointer}/{index}")


def render(document: JSON) -> str:
    labels = list(collect(document))
    lines = [
        "# How sure openapi.yaml is: its evidence labels",
        "",
        "<!-- Generated from openapi.yaml by scripts/evidence-page "
        "(python -m plivo_masking_spec.evidence); do not edit. -->",
        "",
        "Every statement of the spec that goes beyond Plivo's current docs carries an "
        "`x-evidence` label on the node it concerns. This page lists them all, by kind. "
        "Sources with section numbers (§n) point to the project's reference notes.",
        "",
        "| kind | meaning | labels |",
        "|---|---|---|",
    ]
    for kind, meaning in KINDS.items():
        count = sum(1 for label in labels if label.kind == kind)
        lines.append(f"| [{kind}](#{kind}) | {meaning} | {count} |")
    for kind, meaning in KINDS.items():
        lines += ["", f"## {kind}", "", meaning, ""]
        chosen = [label for label in labels if label.kind == kind]
        if not chosen:
            lines.append("(none)")
        for label in chosen:
            text = f"- **{_cell(label.claim)}** (`{label.pointer}`): {_cell(label.source)}"
            if label.mock_setting:
                text += (
                    f" Mock setting: `{label.mock_setting}` "
                    f"(`plivo-masking-mock serve --{label.mock_setting.replace('_', '-')}`)."
                )
            lines.append(text)
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="scripts/evidence-page", description="Write docs/evidence.md from openapi.yaml."
    )
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_PAGE)
    parser.add_argument("--check", action="store_true", help="fail if the page is out of date")
    args = parser.parse_args(argv)
    try:
        page = render(load_document(args.spec))
    except SpecError as error:
        print(f"evidence-page: {error}", file=sys.stderr)
        return 2
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != page:
            print(f"evidence-page: {args.out} is out of date; run scripts/evidence-page")
            return 1
        print(f"evidence-page: {args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page, encoding="utf-8")
    print(f"evidence-page: wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

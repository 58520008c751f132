"""The Python examples of a Markdown section, for tests that run them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
# The page of the generated functions underneath MaskingClient, run as one section.
SECTION_HEADING = "The generated functions underneath"
SECTION_SOURCES = (REPO_ROOT / "docs" / "python-client-low-level.md",)
GENERATED_README = REPO_ROOT / "generated_client" / "README.md"
# The page of MaskingClient: every Python block of it, in order, is one runnable example.
PYTHON_CLIENT_PAGE = REPO_ROOT / "docs" / "python-client.md"

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^(`{3,}|~{3,})\s*([\w+-]*)")


@dataclass(frozen=True)
class CodeBlock:
    source: Path
    line: int  # 1-based line of the first code line
    language: str
    code: str

    @property
    def label(self) -> str:
        return f"{self.source.relative_to(REPO_ROOT)}:{self.line}"


def code_blocks(path: Path, heading: str | None = None) -> list[CodeBlock]:
    """The fenced code blocks of `path`, or of its section under `heading` (any level)."""
    blocks: list[CodeBlock] = []
    inside = heading is None  # within the wanted part of the document
    level = 0  # level of the wanted heading, once found
    fence: str | None = None
    language = ""
    body: list[str] = []
    first = 0
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if fence is not None:
            if text.strip() == fence:
                if inside:
                    blocks.append(CodeBlock(path, first, language, "\n".join(body) + "\n"))
                fence = None
            else:
                body.append(text)
            continue
        fence_match = _FENCE.match(text)
        if fence_match:
            fence, language, body, first = (
                fence_match.group(1),
                fence_match.group(2),
                [],
                number + 1,
            )
            continue
        heading_match = _HEADING.match(text)
        if heading is None or heading_match is None:
            continue
        depth = len(heading_match.group(1))
        if inside and depth <= level:
            break
        if not level and heading_match.group(2) == heading:
            inside, level = True, depth
    if fence is not None:
        raise ValueError(f"{path}: unclosed code fence opened at line {first - 1}")
    if not level and heading is not None:
        raise LookupError(f"no heading {heading!r} in {path}")
    return blocks


def _headings(path: Path) -> list[str]:
    found: list[str] = []
    fence: str | None = None
    for text in path.read_text(encoding="utf-8").splitlines():
        if fence is not None:
            fence = None if text.strip() == fence else fence
        elif fence_match := _FENCE.match(text):
            fence = fence_match.group(1)
        elif heading_match := _HEADING.match(text):
            found.append(heading_match.group(2))
    return found


def section_source() -> Path:
    """docs/python-client.md (the site's page), which must have the section."""
    for path in SECTION_SOURCES:
        if path.is_file() and SECTION_HEADING in _headings(path):
            return path
    raise LookupError(f"no section {SECTION_HEADING!r} in {[str(p) for p in SECTION_SOURCES]}")


def python_examples() -> list[CodeBlock]:
    source = section_source()
    return [b for b in code_blocks(source, SECTION_HEADING) if b.language == "python"]


def generated_readme_examples() -> list[CodeBlock]:
    return [b for b in code_blocks(GENERATED_README) if b.language == "python"]


def python_client_page_examples() -> list[CodeBlock]:
    """The Python blocks of docs/python-client.md, all of them, in order."""
    return [b for b in code_blocks(PYTHON_CLIENT_PAGE) if b.language == "python"]

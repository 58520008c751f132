"""The findings of the breaking-change gate and how they are printed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One change, in plain words.

    `what` names the thing and says what happened to it; `where` is the operation (and status)
    it was seen in: the same change of a shared schema is seen in several operations and printed
    once, with all of them. `source` is the tool that found it.
    """

    what: str
    where: str
    source: str
    breaking: bool = True


def render(findings: list[Finding]) -> list[str]:
    """One line per distinct change, breaking ones first, each with every place it was seen."""
    places: dict[tuple[bool, str, str], list[str]] = {}
    for finding in findings:
        seen = places.setdefault((finding.breaking, finding.source, finding.what), [])
        if finding.where and finding.where not in seen:
            seen.append(finding.where)
    lines = []
    for (breaking, source, what), wheres in sorted(
        places.items(), key=lambda item: (not item[0][0], item[0][1], item[0][2])
    ):
        label = "BREAKING" if breaking else "note"
        where = f" (in {'; '.join(wheres)})" if wheres else ""
        lines.append(f"  {label}: {what}{where} [{source}]")
    return lines

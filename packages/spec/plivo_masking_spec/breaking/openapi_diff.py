"""Runs Atlassian's openapi-diff (npm, pinned in tooling/package.json) and words its findings.

What openapi-diff 0.24.1 reports as breaking in OpenAPI 3.0, as tried on edited copies of
openapi.yaml:
  path.remove, method.remove     an operation was removed
  response.status-code.remove    a documented status code was removed (a changed status code is
                                 one removed and one added)
  request.body.scope.remove      the request body accepts fewer values: a type narrowed, a bound
                                 tightened, a field newly required
  response.body.scope.add        the response body may carry more values: a field removed or no
                                 longer required, a type widened
It does not see `enum`, `nullable`, parameters, removed media types or callbacks at all, and it
does not name the field of a body change: schema_rules and operation_rules do.

One adjustment of its input: json-schema-diff reads an object schema without
`additionalProperties` as open to any other field of any type. Adding an optional request field
then counts as narrowing the request (breaking) and removing one as widening it (not breaking),
the reverse of what it means to a client. So the copies handed to openapi-diff have every
request body inlined and its objects closed (`additionalProperties: false` where unset): the
documented fields are what a client sends. Responses are left as they are.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from plivo_masking_spec.breaking.operation_rules import operation_label, operation_name, operations
from plivo_masking_spec.breaking.report import Finding
from plivo_masking_spec.document import HTTP_METHODS, JSON, inline, resolve

OPENAPI_DIFF_ENV_VAR = "PLIVO_OPENAPI_DIFF"


def openapi_diff_command() -> str:
    """openapi-diff: $PLIVO_OPENAPI_DIFF, the checkout's tooling/node_modules, or on PATH."""
    configured = os.environ.get(OPENAPI_DIFF_ENV_VAR, "").strip()
    if configured:
        return configured
    checkout = Path.cwd() / "tooling" / "node_modules" / ".bin" / "openapi-diff"
    if checkout.is_file():
        return str(checkout)
    found = shutil.which("openapi-diff")
    if found is None:
        raise OpenApiDiffError(
            "openapi-diff (npm package openapi-diff) is not on PATH: install it "
            f"(npm install -g openapi-diff) or set {OPENAPI_DIFF_ENV_VAR}; in a checkout, "
            "scripts/check-breaking installs it"
        )
    return found


SOURCE = "openapi-diff"
LOCATION = re.compile(
    r"^paths\.(?P<path>/.*?)(?:\.(?P<method>" + "|".join(HTTP_METHODS) + r")(?:\.(?P<rest>.*))?)?$"
)
WORDS = {
    "path.remove": "the path {path} was removed, with every operation on it",
    "method.remove": "the operation {operation} was removed",
    "response.status-code.remove": "the response status {status} is no longer documented",
    "request.body.scope.remove": "the request body accepts fewer values than before",
    "response.body.scope.add": "the response body may now carry values old clients do not expect",
}


class OpenApiDiffError(Exception):
    """openapi-diff is missing or failed."""


def _close(schema: Any) -> Any:
    """Sets `additionalProperties: false` on the object schemas of an inlined request schema,
    except inside allOf/oneOf/anyOf, where closing a member would change what the whole accepts."""
    if isinstance(schema, dict):
        if "properties" in schema and "additionalProperties" not in schema:
            schema["additionalProperties"] = False
        for name in schema.get("properties", {}):
            _close(schema["properties"][name])
        if "items" in schema:
            _close(schema["items"])
    return schema


def prepared(document: JSON) -> JSON:
    """A copy of the document for openapi-diff, with request bodies inlined and closed."""
    document = copy.deepcopy(document)
    for _path, _method, operation, _shared in operations(document):
        body = operation.get("requestBody")
        if body is None:
            continue
        body = copy.deepcopy(resolve(document, body))
        for media in (body.get("content") or {}).values():
            if "schema" in media:
                media["schema"] = _close(inline(document, media["schema"]))
        operation["requestBody"] = body
    return document


def _describe(difference: JSON, old_doc: JSON, new_doc: JSON) -> Finding:
    code = str(difference.get("code", "?"))
    details = difference.get("sourceSpecEntityDetails") or difference.get(
        "destinationSpecEntityDetails"
    )
    location = str(details[0]["location"]) if details else ""
    match = LOCATION.match(location)
    if not match:
        return Finding(f"{code} at {location or 'the document'}", "", SOURCE)
    path, method, rest = match["path"], match["method"], match["rest"] or ""
    operation: JSON = {}
    if method:
        for document in (old_doc, new_doc):
            item = resolve(document, (document.get("paths") or {}).get(path) or {})
            operation = operation or item.get(method) or {}
    name = operation_name(path, method, operation) if method else path
    status = rest.split(".")[1] if rest.startswith("responses.") else ""
    template = WORDS.get(code)
    if template is None:
        return Finding(f"{code} at {location}", name, SOURCE)
    label = operation_label(path, method, operation) if method else path
    what = template.format(path=path, operation=label, status=status) + f" ({code})"
    if code in ("path.remove", "method.remove"):
        return Finding(what, "", SOURCE)
    if code == "response.status-code.remove":
        return Finding(what, name, SOURCE)
    return Finding(what, f"{name} {status}".strip(), SOURCE)


def run_openapi_diff(old_doc: JSON, new_doc: JSON) -> list[Finding]:
    """The breaking (and unclassified, as notes) differences openapi-diff finds."""
    command = openapi_diff_command()
    with tempfile.TemporaryDirectory(prefix="openapi-diff-") as work:
        old_file, new_file = Path(work) / "old.json", Path(work) / "new.json"
        old_file.write_text(json.dumps(prepared(old_doc), default=str))
        new_file.write_text(json.dumps(prepared(new_doc), default=str))
        # Into a file, not a pipe: the tool exits before Node flushes more than 64 KiB to a pipe.
        with (Path(work) / "report.txt").open("w+") as report_file:
            result = subprocess.run(
                [command, str(old_file), str(new_file)],
                stdout=report_file,
                stderr=subprocess.PIPE,
                text=True,
                check=False,
                timeout=300,
            )
            report_file.seek(0)
            output = report_file.read()
    start = output.find("{")
    if result.returncode not in (0, 1) or (result.returncode == 1 and start < 0):
        raise OpenApiDiffError(
            f"openapi-diff failed ({result.returncode}):\n{output}{result.stderr}"
        )
    if start < 0:
        return []  # "No changes found between the two specifications"
    try:
        report = json.loads(output[start:])
    except json.JSONDecodeError as error:
        raise OpenApiDiffError(f"openapi-diff printed no readable report: {error}") from error
    findings = [_describe(d, old_doc, new_doc) for d in report.get("breakingDifferences", [])]
    for difference in report.get("unclassifiedDifferences", []):
        note = _describe(difference, old_doc, new_doc)
        findings.append(Finding(note.what, note.where, SOURCE, breaking=False))
    return findings

"""The resource layer of generated_client/ (`MaskingClient.sessions.create(...)` and the like),
rendered from the spec after openapi-python-client has run.

openapi-python-client 0.29.1 renders only its own fixed set of templates and does not pass an
operation's `x-` extensions to them, so the files below are rendered here, by generator/generate.py,
from generator/templates/extra/ and the spec:

- `_base_client.py`: hand-written runtime (credentials, retries, errors), copied as it is;
- `_resources.py`: one resource class per `x-client-method` namespace, sync and async, with one
  method per operation, its keyword arguments typed from the request schema and the parameters.

Each operation names its method with `x-client-method: <resource>.<method>`. The output depends
only on the spec and the templates (no dates, no set ordering), so the drift check covers it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2

from plivo_masking_spec import iter_operations, resolve, schema_name

EXTRA_TEMPLATES = Path(__file__).resolve().parent / "templates" / "extra"
METHOD_EXTENSION = "x-client-method"
# The path parameter filled in from the client's credentials rather than passed by the caller.
CLIENT_PATH_PARAMETER = "auth_id"
# Page-size and position parameters of a paginated list operation.
PAGING = ("limit", "offset")
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
NAMESPACE = re.compile(r"^([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)$")


class ResourceError(Exception):
    """The spec cannot be turned into resource methods."""


@dataclass
class Argument:
    name: str
    type: str
    description: str


@dataclass
class Method:
    name: str
    operation_id: str
    http_method: str
    path_expr: str  # an f-string body building the path
    path_args: list[str]
    query: list[Argument]
    body: list[Argument]
    has_body: bool
    returns: str
    success: list[tuple[int, str | None]]
    idempotent: bool
    summary: str
    paginated: bool = False
    item_type: str = ""


@dataclass
class Resource:
    name: str
    class_name: str
    methods: list[Method] = field(default_factory=list)


def class_name(name: str) -> str:
    """openapi-python-client's class name of a component schema (PascalCase of its words)."""
    words = re.split(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])", name)
    return "".join(word[:1].upper() + word[1:] for word in words if word)


def first_line(text: Any) -> str:
    line = str(text or "").strip().split("\n\n")[0]
    line = " ".join(line.split())
    return line.replace("\\", "\\\\").replace('"""', "'''")


def describe(document: dict[str, Any], node: dict[str, Any]) -> str:
    """The first paragraph of a property's or parameter's description, else of its schema's."""
    candidates: list[Any] = [node]
    if isinstance(node.get("schema"), dict):
        candidates.append(node["schema"])
    for candidate in list(candidates):
        candidates.extend(candidate.get("allOf") or [])
    for candidate in candidates:
        target = resolve(document, candidate)
        if isinstance(target, dict) and target.get("description"):
            return first_line(target["description"])
    return ""


class _Types:
    def __init__(self, document: dict[str, Any], models: set[str]) -> None:
        self.document = document
        self.models = models
        self.used: set[str] = set()

    def of(self, schema: Any, where: str) -> str:
        """The Python type of a parameter or property schema."""
        if isinstance(schema, dict) and "allOf" in schema and len(schema["allOf"]) == 1:
            return self.of(schema["allOf"][0], where) + (
                " | None" if schema.get("nullable") else ""
            )
        name = schema_name(schema)
        target = resolve(self.document, schema)
        if not isinstance(target, dict):
            raise ResourceError(f"{where}: not a schema")
        if "enum" in target:
            if name is None:
                raise ResourceError(f"{where}: an inline enum has no model to type it; use a $ref")
            python = class_name(name)
            if python not in self.models:
                raise ResourceError(f"{where}: no generated model {python} for {name}")
            self.used.add(python)
        elif target.get("type") in SCALARS:
            python = SCALARS[target["type"]]
        else:
            raise ResourceError(f"{where}: only scalars and enums can be keyword arguments")
        return python + (" | None" if target.get("nullable") else "")


def _model_of(document: dict[str, Any], content: Any, where: str, models: set[str]) -> str:
    schema = (content or {}).get("application/json", {}).get("schema")
    name = schema_name(schema)
    if name is None or class_name(name) not in models:
        raise ResourceError(f"{where}: the JSON body must be a $ref to a component schema")
    return class_name(name)


def build(document: dict[str, Any], models: set[str]) -> tuple[list[Resource], list[str]]:
    """The resources of the spec, and the model names they import."""
    types = _Types(document, models)
    resources: dict[str, Resource] = {}
    for entry in iter_operations(document):
        where = entry.endpoint
        target = entry.definition.get(METHOD_EXTENSION)
        match = NAMESPACE.match(str(target or ""))
        if match is None:
            raise ResourceError(f"{where}: {METHOD_EXTENSION} must be '<resource>.<method>'")
        resource_name, method_name = match.groups()
        resource = resources.setdefault(
            resource_name, Resource(resource_name, class_name(resource_name))
        )
        if any(method.name == method_name for method in resource.methods):
            raise ResourceError(f"{where}: {resource_name}.{method_name} is used twice")

        path_args: list[str] = []
        query: list[Argument] = []
        for raw in [*entry.shared_parameters, *entry.definition.get("parameters", [])]:
            parameter = resolve(document, raw)
            name = parameter["name"]
            if parameter["in"] == "path":
                if name != CLIENT_PATH_PARAMETER:
                    path_args.append(name)
            elif parameter["in"] == "query":
                query.append(
                    Argument(
                        name,
                        types.of(parameter["schema"], f"{where} {name}"),
                        describe(document, parameter),
                    )
                )
            else:
                raise ResourceError(f"{where}: {parameter['in']} parameters are not supported")

        body: list[Argument] = []
        request = resolve(document, entry.definition.get("requestBody")) or {}
        if request:
            schema = resolve(document, request["content"]["application/json"]["schema"])
            if schema.get("required"):
                raise ResourceError(f"{where}: required body properties are not supported yet")
            for name, prop in (schema.get("properties") or {}).items():
                body.append(
                    Argument(name, types.of(prop, f"{where} {name}"), describe(document, prop))
                )

        success: list[tuple[int, str | None]] = []
        for status, raw in (entry.definition.get("responses") or {}).items():
            if not str(status).isdigit() or not 200 <= int(status) < 300:
                continue
            response = resolve(document, raw)
            model = None
            if response.get("content"):
                model = _model_of(document, response["content"], f"{where} {status}", models)
            success.append((int(status), model))
        if not success:
            raise ResourceError(f"{where}: no documented 2xx response")
        # The operation's answer is its lowest documented 2xx (200 or 201 here): the methods are
        # typed by it. Other 2xx answers the spec admits (202, 204, any 2XX) are read as that
        # answer when their body fits it, else raised as APIStatusError with the body kept.
        success = [min(success)]
        returns = " | ".join(dict.fromkeys(m if m else "None" for _, m in success))

        path_expr = re.sub(
            r"\{([a-z_]+)\}",
            lambda m: (
                "{self._auth_id_q}"
                if m.group(1) == CLIENT_PATH_PARAMETER
                else f"{{_q({m.group(1)})}}"
            ),
            entry.path,
        )
        method = Method(
            name=method_name,
            operation_id=str(entry.operation_id),
            http_method=entry.method.upper(),
            path_expr=path_expr,
            path_args=path_args,
            query=query,
            body=body,
            has_body=bool(request),
            returns=returns,
            success=success,
            # Only a POST to the collection creates; every other operation is safe to repeat
            # (GETs, and updates and expiries of one session, which set its state).
            idempotent=not (entry.method == "post" and not path_args),
            summary=first_line(entry.definition.get("summary")),
        )
        names = {argument.name for argument in query}
        if all(name in names for name in PAGING):
            method.paginated = True
            method.item_type = _page_schema(document, entry)
        resource.methods.append(method)
    imports = sorted(
        types.used
        | {"ErrorResponse"}
        | {m for r in resources.values() for x in r.methods for _, m in x.success if m}
        | {x.item_type for r in resources.values() for x in r.methods if x.paginated}
    )
    return list(resources.values()), imports


def _page_schema(document: dict[str, Any], entry: Any) -> str:
    """The item model of a list page: `response.objects[]` of its 200 body."""
    content = resolve(document, entry.definition["responses"]["200"])["content"]
    body = resolve(document, content["application/json"]["schema"])
    try:
        page = resolve(document, body["properties"]["response"])
        meta = resolve(document, page["properties"]["meta"])
        items = page["properties"]["objects"]["items"]
        assert "total_count" in meta["properties"]
    except (KeyError, TypeError, AssertionError):
        raise ResourceError(
            f"{entry.endpoint}: a paginated body must be response.{{meta.total_count, objects[]}}"
        ) from None
    name = schema_name(items)
    if name is None:
        raise ResourceError(f"{entry.endpoint}: page items must be a $ref")
    return class_name(name)


def render(document: dict[str, Any], package_dir: Path) -> list[Path]:
    """Writes the extra modules into `package_dir`; the paths written."""
    models = set(
        re.findall(r'^\s+"(\w+)",$', (package_dir / "models" / "__init__.py").read_text(), re.M)
    )
    resources, imports = build(document, models)
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(EXTRA_TEMPLATES)),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    written = []
    for template in sorted(EXTRA_TEMPLATES.glob("*.py.jinja")):
        target = package_dir / template.name.removesuffix(".jinja")
        text = environment.get_template(template.name).render(resources=resources, imports=imports)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written

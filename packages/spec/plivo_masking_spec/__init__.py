"""Plivo's Number Masking session API as an OpenAPI document: openapi.yaml (package data) and the
one layer that reads it (`plivo_masking_spec.document`), with the operationIds as constants and
the breaking-change gate (`plivo_masking_spec.breaking`)."""

from plivo_masking_spec.document import (
    COMPONENT_SCHEMA,
    HTTP_METHODS,
    JSON,
    OperationEntry,
    ReferenceCycleError,
    SpecError,
    find_operation,
    inline,
    iter_operations,
    load_document,
    operation_ids,
    parse_document,
    pointer_get,
    resolve,
    schema_name,
)
from plivo_masking_spec.operation_id import WRITE_OPERATIONS, OperationId, check_operation_ids
from plivo_masking_spec.resources import SPEC_ENV_VAR, packaged_spec_path, spec_path

__all__ = [
    "COMPONENT_SCHEMA",
    "HTTP_METHODS",
    "JSON",
    "SPEC_ENV_VAR",
    "WRITE_OPERATIONS",
    "OperationEntry",
    "OperationId",
    "ReferenceCycleError",
    "SpecError",
    "check_operation_ids",
    "find_operation",
    "inline",
    "iter_operations",
    "load_document",
    "operation_ids",
    "packaged_spec_path",
    "parse_document",
    "pointer_get",
    "resolve",
    "schema_name",
    "spec_path",
]

"""The operationIds of openapi.yaml as named constants.

The spec is where they are written; these names let code refer to them without retyping the
strings. `check_operation_ids` (run by the tests, and by the mock when it loads a spec) fails when
the spec and this list disagree.
"""

from __future__ import annotations

from enum import StrEnum

from plivo_masking_spec.document import JSON, SpecError, operation_ids


class OperationId(StrEnum):
    CREATE = "create_masking_session"
    GET = "get_masking_session"
    LIST = "list_masking_session"
    UPDATE = "update_masking_session"
    DELETE = "delete_masking_session"


# The operations that change state (a live run of the contract suite warns about them).
WRITE_OPERATIONS = (OperationId.CREATE, OperationId.UPDATE, OperationId.DELETE)


def check_operation_ids(document: JSON) -> None:
    """SpecError unless the document has exactly the operationIds named here."""
    in_spec = set(operation_ids(document))
    named = {member.value for member in OperationId}
    if in_spec != named:
        missing = ", ".join(sorted(named - in_spec)) or "none"
        extra = ", ".join(sorted(in_spec - named)) or "none"
        raise SpecError(
            f"the spec's operationIds differ from plivo_masking_spec.OperationId "
            f"(missing from the spec: {missing}; not named in OperationId: {extra})"
        )

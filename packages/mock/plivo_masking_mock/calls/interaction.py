"""What a finished call leaves on its session: an `interaction` item, the totals, the last time.

`total_call_count` counts call legs (two when the other party was dialled), as the recorded
responses show (one call, count 2); `duration` is the conversation, `start_time` the moment both
parties were up (the call's start when they never were).
"""

from __future__ import annotations

from typing import Any

from plivo_masking_mock.calls.plan import CallPlan
from plivo_masking_mock.formats import go_timestamp
from plivo_masking_mock.session import CALL_UNTIL, SessionRecord


def add_interaction(
    record: SessionRecord, call_uuid: str, second_leg_uuid: str, plan: CallPlan, start: int
) -> dict[str, Any]:
    call_base = f"/v1/Account/{record.account}/Call/"
    began = start + (plan.bridged_at if plan.bridged_at is not None else 0)
    ended = start + plan.length
    interaction: dict[str, Any] = {
        "type": "call",
        "start_time": go_timestamp(began),
        "end_time": go_timestamp(ended),
        "first_party_resource_url": f"{call_base}{call_uuid}/",
        "second_party_resource_url": f"{call_base}{second_leg_uuid}/" if plan.second_leg else None,
        "recording_resource_url": (
            recording_resource_url(record.account, plan.recording_uuid)
            if plan.recording_uuid
            else None
        ),
        "duration": plan.conversation,
        "call_billed_duration": plan.billed,
        "total_call_count": plan.legs,
        "total_call_amount": plan.amount,
    }
    attributes = record.attributes
    attributes["interaction"] = [*(attributes.get("interaction") or []), interaction]
    attributes["total_call_count"] = int(attributes.get("total_call_count") or 0) + plan.legs
    attributes["total_call_billed_duration"] = (
        int(attributes.get("total_call_billed_duration") or 0) + plan.billed
    )
    total_amount = round(float(attributes.get("total_call_amount") or 0) + plan.amount, 6)
    attributes["total_call_amount"] = total_amount
    attributes["total_session_amount"] = round(
        float(attributes.get("amount") or 0) + total_amount, 6
    )
    attributes["last_interaction_time"] = interaction["end_time"]
    attributes.pop(CALL_UNTIL, None)
    return interaction


def recording_resource_url(auth_id: str, recording_uuid: str) -> str:
    return f"/v1/Account/{auth_id}/Recording/{recording_uuid}/"

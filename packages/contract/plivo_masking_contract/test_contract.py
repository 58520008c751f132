"""The contract suite: openapi.yaml against the bundled mock (default) or a live server.

Every operation runs through schemathesis' examples, coverage and fuzzing phases with positive
and negative data (`test_operation`, one pytest item per operation), then stateful scenarios
follow the spec's links (`TestStateful`). Configuration: schemathesis.toml beside
this file; options from the environment: options.py; the main command: plivo-masking-contract.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import hypothesis
import pytest
import requests
import schemathesis
from schemathesis.core.failures import FailureGroup
from schemathesis.generation import overrides

from plivo_masking_contract.checks import Case  # importing it registers the custom check
from plivo_masking_contract.runlog import reproduction
from plivo_masking_contract.suite import SuiteRun, build_state_machine, stateful_settings
from plivo_masking_contract.target import Target, is_loopback_url

pytestmark = pytest.mark.slow

RUN = SuiteRun.from_env()
schema = RUN.schema
# One connection pool for the whole run. It carries no credentials: those come from
# schemathesis' auth configuration, so `ignored_auth` can take them away. For a loopback target
# it skips the proxy settings of the environment (looking them up costs more than the request).
HTTP = requests.Session()
HTTP.trust_env = RUN.options.base_url is not None and not is_loopback_url(RUN.options.base_url)


@pytest.fixture(scope="module", autouse=True)
def contract_target() -> Iterator[Target]:
    with RUN.started() as target:
        yield target


@schema.parametrize()
def test_operation(case: Case, contract_target: Target) -> None:
    # The operations were built at collection, before the target was known: its URL goes here.
    case.call_and_validate(base_url=contract_target.base_url, session=HTTP)


class ContractStateMachine(build_state_machine(RUN.stateful_schema)):  # type: ignore[misc]
    """schemathesis' state machine over the spec's links, as its CLI runs it: configured parameter
    overrides (the pinned `auth_id`) apply to every step."""

    def get_call_kwargs(self, case: Case) -> dict[str, Any]:
        assert RUN.target is not None, "the contract_target fixture binds the target first"
        return {"base_url": RUN.target.base_url, "session": HTTP}

    def before_call(self, case: Case) -> None:
        overrides.for_operation(case.operation.schema.config, operation=case.operation).apply_to(
            case
        )
        super().before_call(case)

    def validate_response(
        self,
        response: schemathesis.Response,
        case: Case,
        additional_checks: list[Any] | None = None,
        **kwargs: Any,
    ) -> None:
        __tracebackhide__ = True
        try:
            super().validate_response(response, case, additional_checks, **kwargs)
        except (AssertionError, FailureGroup):
            # Every request of the scenario so far: stateful failures depend on what came before
            # (an expire on a sibling branch, for instance), not only on the failing step's
            # parents. Requests that checks derived from a step (ignored_auth's probes: a parent
            # but no link) are not steps.
            chain = []
            for node in self.recorder.cases.values():
                if node.parent_id is not None and node.transition is None:
                    continue
                step = node.value
                response = self.recorder.find_response(case_id=step.id)
                chain.append(reproduction(step, response, base_url=RUN.run_log.base_url))
                if step.id == case.id:
                    break
            RUN.run_log.attach_chain(case.id, chain)
            raise


if RUN.stateful_enabled:
    TestStateful = hypothesis.seed(RUN.options.seed)(ContractStateMachine).TestCase
    TestStateful.settings = stateful_settings(RUN.stateful_schema)

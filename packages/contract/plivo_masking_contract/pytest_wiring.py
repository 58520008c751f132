"""pytest wiring of the contract suite: the run header, report names, the run summary."""

from __future__ import annotations

import sys
from collections.abc import Generator

import pytest

from plivo_masking_contract.options import options_from_env
from plivo_masking_contract.target import TargetError


def pytest_report_header(config: pytest.Config) -> list[str]:
    try:
        options = options_from_env()
    except TargetError as exc:
        return [f"contract suite: {exc}"]
    target = options.base_url or "the bundled mock (started on a free loopback port)"
    return [f"contract suite: target {target}, seed {options.seed}"]


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    module = sys.modules.get("plivo_masking_contract.test_contract")
    run = getattr(module, "RUN", None)
    if run is not None and run.target is not None:
        run.write_summary(int(exitstatus))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Name each operation's test after its operation in reports (JUnit, terminal).

    Under pytest 9 the items schemathesis 4.32.5 makes for `@schema.parametrize()` all get the
    node ID `test_operation` (pytest builds it from `originalname` and call parameters, and
    schemathesis passes neither the label); the item's own name still carries it.
    """
    report = yield
    label = getattr(item, "operation_label", None)
    if isinstance(label, str) and not report.nodeid.endswith("]"):
        report.nodeid = f"{report.nodeid}[{label}]"
    return report

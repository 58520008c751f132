"""The contract suite's setup: schemathesis config and schema for the run's options
(plivo_masking_contract/options.py), the target, the stateful state machine, the run summary."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import hypothesis
import schemathesis
from schemathesis.generation import overrides
from schemathesis.generation.stateful.state_machine import (
    DEFAULT_STATE_MACHINE_SETTINGS,
    APIStateMachine,
)
from schemathesis.specs.openapi import stateful as openapi_stateful

from plivo_masking_contract import hooks
from plivo_masking_contract.options import SuiteOptions, options_from_env, spec_operation_ids
from plivo_masking_contract.runlog import RunLog
from plivo_masking_contract.target import BundledMock, Target, check_reachable
from plivo_masking_spec import OperationId, spec_path

CONFIG_PATH = Path(__file__).resolve().with_name("schemathesis.toml")


def load_config(options: SuiteOptions, part: str) -> schemathesis.Config:
    """The packaged schemathesis.toml, with the run's credentials, seed and report paths."""
    # The file names the credentials as ${PLIVO_AUTH_ID} / ${PLIVO_AUTH_TOKEN}; schemathesis
    # resolves them from the environment while loading, where they must be this run's.
    credentials = {"PLIVO_AUTH_ID": options.auth_id, "PLIVO_AUTH_TOKEN": options.auth_token}
    with mock.patch.dict(os.environ, credentials):
        config = schemathesis.Config.from_path(CONFIG_PATH)
    config.update(seed=options.seed, max_failures=None)
    if part == "stateful":
        # A VCR cassette of every request and response of the stateful scenarios: schemathesis'
        # reproduction output. Only there: schemathesis 4.32.5's pytest plugin imports the
        # optional `allure_commons` as soon as any report is on for parametrized tests, and fails
        # without it. The operations' failures are reproduced as curl commands in the summary.
        options.reports_dir.mkdir(parents=True, exist_ok=True)
        config.reports.update(vcr_path=str(options.cassette_path), directory=options.reports_dir)
    return config


def load_schema(options: SuiteOptions, run_log: RunLog, part: str) -> schemathesis.BaseSchema:
    schema: schemathesis.BaseSchema = schemathesis.openapi.from_path(
        spec_path(), config=load_config(options, part)
    )
    if options.operations:
        # The complement is excluded rather than the selection included: schemathesis ORs include
        # filters, and the `[[operations]]` section of the config brings one that matches every
        # operation, so `include(operation_id=...)` would keep them all.
        unselected = [name for name in spec_operation_ids() if name not in options.operations]
        schema = schema.exclude(operation_id=unselected)
    hooks.register(schema, run_log)
    return schema


def has_stateful_root(options: SuiteOptions) -> bool:
    """Stateful scenarios start with create; without it there is nothing to chain."""
    return not options.operations or OperationId.CREATE in options.operations


def stateful_settings(schema: schemathesis.BaseSchema) -> hypothesis.settings:
    """The configured stateful phase (max-examples, max-steps) on top of schemathesis' defaults."""
    configured = schema.config.get_hypothesis_settings(phase="stateful")
    return hypothesis.settings(
        DEFAULT_STATE_MACHINE_SETTINGS,
        max_examples=configured.max_examples,
        stateful_step_count=configured.stateful_step_count,
        database=None,
        deadline=None,
    )


class SuiteRun:
    """One run of the suite: its options, schema, run log and target."""

    def __init__(self, options: SuiteOptions) -> None:
        self.options = options
        self.run_log = RunLog()
        # The operations' tests (examples, coverage, fuzzing) and the stateful test each get a
        # schema of their own (only the stateful one writes a cassette); both share the run log.
        self.schema = load_schema(options, self.run_log, "operations")
        self.stateful_schema = load_schema(options, self.run_log, "stateful")
        self.target: Target | None = None

    @classmethod
    def from_env(cls) -> SuiteRun:
        return cls(options_from_env())

    @property
    def stateful_enabled(self) -> bool:
        return self.options.stateful and has_stateful_root(self.options)

    @contextlib.contextmanager
    def started(self) -> Iterator[Target]:
        """The target for this run (the bundled mock is started here), bound to the schema."""
        options = self.options
        if options.base_url is not None:
            check_reachable(options.base_url)
            target = Target(options.base_url, options.auth_id, options.auth_token, False)
            self._bind(target)
            yield target
            return
        with BundledMock() as mock:
            target = Target(mock.base_url, options.auth_id, options.auth_token, True)
            self._bind(target)
            yield target

    def _bind(self, target: Target) -> None:
        self.target = target
        self.run_log.base_url = target.base_url
        for schema in (self.schema, self.stateful_schema):
            schema.config.update(base_url=target.base_url)

    def write_summary(self, exit_status: int) -> None:
        target = self.target
        self.run_log.write(
            self.options.summary_path,
            seed=self.options.seed,
            base_url=target.base_url if target is not None else self.options.base_url,
            target="bundled mock" if target is not None and target.is_bundled_mock else "server",
            operations_selected=list(self.options.operations) or spec_operation_ids(),
            stateful=self.stateful_enabled,
            pytest_exit_status=exit_status,
            cassette=str(self.options.cassette_path) if self.stateful_enabled else None,
        )


def scenario_roots(operations: list[Any], transitions: Any) -> set[str]:
    """Operations a stateful scenario may start with: those with outgoing links whose path
    parameters are all pinned by the configuration (here: create, whose only one is `auth_id`)."""
    roots = set()
    for operation in operations:
        links = transitions.operations.get(operation.label)
        if links is None or not links.outgoing:
            continue
        pinned = overrides.for_operation(operation.schema.config, operation=operation)
        if all(p.name in pinned.path_parameters for p in operation.path_parameters):
            roots.add(operation.label)
    return roots


def build_state_machine(schema: schemathesis.BaseSchema) -> type[APIStateMachine]:
    """schemathesis' state machine over the spec's links, starting scenarios where the links do.

    schemathesis 4.32.5 picks scenario roots with its dependency analysis, which reads the path
    parameter `auth_id` as a foreign key: of create, to an `Auth` resource nothing produces (so
    create is not a root), of update, to `Interaction.auth_id` (so update, with a random
    session_uuid, is the only root). Every scenario would then be a chain of 404s. Here the roots
    are the linked operations that need no identifier from an earlier response (create).
    """
    original = openapi_stateful.classify_root_transitions

    def classify(operations: list[Any], transitions: Any, graph: Any) -> Any:
        roots = original(operations, transitions, graph)
        declared = scenario_roots(operations, transitions)
        if declared:
            roots.reliable, roots.fallback = declared, set()
        return roots

    with mock.patch.object(openapi_stateful, "classify_root_transitions", classify):
        return schema.as_state_machine()

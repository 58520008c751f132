"""The sizes of the reliability suite, in one place: the tests run them, and the Guarantees
page (docs/guarantees.md, rendered by scripts/guarantees) states what a run of them measured."""

from __future__ import annotations

CONCURRENT_CLIENTS = 32
ROUNDS_PER_CLIENT = 12  # each round: create, 2 updates, get, list, and every other one expire
KILLS = 5
KILL_WRITERS = 8
ACKED_WRITES_BEFORE_KILL = 150  # the kill comes once this many writes were acknowledged
NEGATIVE_EXAMPLES_PER_OPERATION = 100
CHAOS_REQUESTS = 400
# Bounds of every wait of the suite (seconds): no loop runs longer than this.
START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 20.0
PHASE_TIMEOUT = 120.0

"""Chaos: the mock misbehaving on request the way the real API does now and then.

Off by default, and separate from the planted faults (`plivo_masking_mock.faults`), which break
the contract on purpose; chaos stays inside it: errors with Plivo's error body, slow answers and
dropped connections. Settings (all optional)::

    {"error_rate": 0.3, "statuses": [429, 500, 503], "retry_after": 1,
     "latency_ms": [0, 200], "drop_rate": 0.0, "operations": ["update_masking_session"],
     "seed": 7}

Each request to an API operation named in `operations` (all of them if absent) draws, from one
random generator seeded with `seed`, in this order: drop (probability `drop_rate`), error
(probability `error_rate`, then a status of `statuses` with equal chances) and a latency
(uniform in `latency_ms`). So with a seed, the same sequence of requests meets the same faults.
This module decides; `plivo_masking_mock.misbehaviour` applies the decision to the HTTP traffic.
"""

from __future__ import annotations

import math
import random
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from plivo_masking_spec import OperationId

DEFAULT_STATUSES = (429, 500, 503)
DEFAULT_RETRY_AFTER = 1
MAX_LATENCY_MS = 60_000
KNOWN_OPERATIONS = tuple(operation.value for operation in OperationId)


class ChaosError(ValueError):
    """A chaos setting is not valid; the message names the setting."""


@dataclass(frozen=True)
class ChaosSettings:
    error_rate: float = 0.0
    statuses: tuple[int, ...] = DEFAULT_STATUSES
    retry_after: int = DEFAULT_RETRY_AFTER
    latency_ms: tuple[int, int] = (0, 0)
    drop_rate: float = 0.0
    operations: tuple[str, ...] | None = None  # None: every operation
    seed: int | None = None

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["statuses"] = list(self.statuses)
        data["latency_ms"] = list(self.latency_ms)
        data["operations"] = None if self.operations is None else list(self.operations)
        return data


@dataclass(frozen=True)
class Decision:
    """What chaos does to one request: nothing, an error status, or a dropped connection."""

    latency_ms: float = 0.0
    status: int | None = None
    drop: bool = False


@dataclass
class _Counters:
    requests: int = 0
    errors: Counter[int] = field(default_factory=Counter)
    drops: int = 0
    delayed: int = 0


class Chaos:
    """The chaos settings in force, their random generator and what they did so far."""

    def __init__(self, initial: ChaosSettings | None = None) -> None:
        self._initial = initial
        self._lock = threading.Lock()
        self._settings: ChaosSettings | None = None
        self._random = random.Random()
        self._counters = _Counters()
        self.set(initial)

    @property
    def settings(self) -> ChaosSettings | None:
        with self._lock:
            return self._settings

    def set(self, settings: ChaosSettings | None) -> None:
        """Puts `settings` in force (None: no chaos), reseeds and zeroes the counters."""
        with self._lock:
            self._settings = settings
            self._random = random.Random(settings.seed if settings else None)
            self._counters = _Counters()

    def clear(self) -> None:
        self.set(None)

    def reset(self) -> None:
        """Back to the settings the mock started with (`--chaos`, the config file, or none)."""
        self.set(self._initial)

    def decide(self, operation_id: str) -> Decision:
        with self._lock:
            settings = self._settings
            if settings is None:
                return Decision()
            if settings.operations is not None and operation_id not in settings.operations:
                return Decision()
            counters = self._counters
            counters.requests += 1
            draw = self._random
            low, high = settings.latency_ms
            drop = draw.random() < settings.drop_rate
            error = draw.random() < settings.error_rate
            status = draw.choice(settings.statuses)
            latency = draw.uniform(low, high) if high > 0 else 0.0
            if latency > 0:
                counters.delayed += 1
            if drop:
                counters.drops += 1
                return Decision(latency_ms=latency, drop=True)
            if error:
                counters.errors[status] += 1
                return Decision(latency_ms=latency, status=status)
            return Decision(latency_ms=latency)

    def state(self) -> dict[str, Any]:
        """The settings and the counters, for `GET /__mock__/chaos`."""
        with self._lock:
            settings = self._settings
            counters = self._counters
            return {
                "enabled": settings is not None,
                "settings": settings.as_json() if settings else None,
                "counters": {
                    "requests": counters.requests,
                    "errors": {str(status): n for status, n in sorted(counters.errors.items())},
                    "errors_total": sum(counters.errors.values()),
                    "drops": counters.drops,
                    "delayed": counters.delayed,
                },
            }


def chaos_settings(raw: Mapping[str, Any]) -> ChaosSettings:
    """Settings from a JSON object or a config table; ChaosError naming the bad one."""
    unknown = set(raw) - set(ChaosSettings.__dataclass_fields__)
    if unknown:
        raise ChaosError(f"unknown chaos setting {sorted(unknown)[0]!r}")
    kwargs: dict[str, Any] = {}
    for name in ("error_rate", "drop_rate"):
        if name in raw:
            kwargs[name] = _rate(name, raw[name])
    if "statuses" in raw:
        kwargs["statuses"] = _statuses(raw["statuses"])
    if "retry_after" in raw:
        kwargs["retry_after"] = _integer("retry_after", raw["retry_after"], 0, 86_400)
    if "latency_ms" in raw:
        kwargs["latency_ms"] = _latency(raw["latency_ms"])
    if "operations" in raw:
        kwargs["operations"] = _operations(raw["operations"])
    if "seed" in raw and raw["seed"] is not None:
        kwargs["seed"] = _integer("seed", raw["seed"], 0, 2**63 - 1)
    settings = ChaosSettings(**kwargs)
    if settings.error_rate + settings.drop_rate > 1:
        raise ChaosError("error_rate + drop_rate must be 1 or less")
    return settings


def parse_chaos_flag(text: str) -> ChaosSettings:
    """`error_rate=0.3,statuses=429+503,latency_ms=0+200,seed=7` (lists joined by `+`)."""
    raw: dict[str, Any] = {}
    for item in text.split(","):
        name, separator, value = item.strip().partition("=")
        if not separator or not name:
            raise ChaosError(f"wants NAME=VALUE[,NAME=VALUE...], not {item.strip()!r}")
        if name in {"statuses", "latency_ms", "operations"}:
            parts = [part for part in value.split("+") if part]
            raw[name] = parts if name == "operations" else [_number(name, p) for p in parts]
        else:
            raw[name] = _number(name, value)
    return chaos_settings(raw)


def _number(name: str, text: str) -> float | int:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        raise ChaosError(f"{name}: not a number: {text!r}") from None
    return value


def _rate(name: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ChaosError(f"{name} must be a number from 0 to 1")
    if not math.isfinite(value) or not 0 <= value <= 1:
        raise ChaosError(f"{name} must be from 0 to 1, not {value}")
    return float(value)


def _integer(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ChaosError(f"{name} must be an integer from {low} to {high}")
    return value


def _statuses(value: Any) -> tuple[int, ...]:
    if not isinstance(value, (list, tuple)) or not value:
        raise ChaosError("statuses must be a non-empty list of HTTP error statuses")
    return tuple(_integer("statuses", status, 400, 599) for status in value)


def _latency(value: Any) -> tuple[int, int]:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = [value, value]
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise ChaosError("latency_ms must be [low, high] in milliseconds (or one number)")
    low, high = (_integer("latency_ms", bound, 0, MAX_LATENCY_MS) for bound in value)
    if low > high:
        raise ChaosError("latency_ms: low must not exceed high")
    return low, high


def _operations(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, (list, tuple)) or not value:
        raise ChaosError("operations must be a non-empty list of operationIds")
    for name in value:
        if name not in KNOWN_OPERATIONS:
            raise ChaosError(f"operations: unknown operation {name!r}; known: {KNOWN_OPERATIONS}")
    return tuple(value)

"""Fixtures of the contract tests: cassette replay settings, hypothesis profiles. Prism
(`prism_url`) is the whole run's, in tests/conftest.py."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from spec_support import pair_id

from contract.support import CASSETTES, register_matchers
from contract.support import vcr_config as cassette_settings

# Hypothesis profiles of the property tests (test_properties.py applies the chosen one with
# @PROFILE, so other test suites keep their own settings). "contract-ci" is `make test`'s: fixed
# examples (derandomized), 10 per property (every operation x documented status is one property:
# 40 made the module the third slowest of the suite). "contract-thorough" digs deeper, with
# fresh examples each run: `make test-thorough` (CONTRACT_HYPOTHESIS_PROFILE=contract-thorough).
settings.register_profile(
    "contract-ci",
    max_examples=10,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "contract-thorough",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "contract-shapes",
    max_examples=3,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
"""For the representative operations of the shape matrix (tests/test_shapes.py): the shapes, not
the depth, are what that run is for, and every example has the shape: 3 examples each (the depth is
the main run's, 10 on the spec's own operations, and `make test-thorough`'s)."""
PROFILE = settings.get_profile(os.environ.get("CONTRACT_HYPOTHESIS_PROFILE", "contract-ci"))


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """pytest-recording hook: the matchers the cassette settings name."""
    register_matchers(vcr)


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES)


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """Replay settings; the record mode comes from pytest's --record-mode (none in addopts).

    A replay may play its one interaction more than once (sync() and sync_detailed() in one test).
    """
    return cassette_settings() | {"allow_playback_repeats": True}


@pytest.fixture
def default_cassette_name(operation_id: str, status: int) -> str:
    """Tests marked vcr are parametrized by (operation_id, status): that pair's cassette."""
    return pair_id(operation_id, status)

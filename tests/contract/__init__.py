"""Contract tests: the generated client against the spec, recorded exchanges and Prism."""

import pytest

# support.py holds the checks shared by several test modules; rewrite its asserts so that a
# failing check shows the values, as in a test module.
pytest.register_assert_rewrite("contract.support")

"""PostgreSQL restarted in the middle of a reminder run: after recovery every reviewer got exactly
one digest, none twice, and every digest and reminder row is recorded as sent.

The shared database server cannot be restarted under the other tests, so this starts a PRIVATE
PostgreSQL cluster (initdb into a temporary folder, a free port) and a private Redis, exactly as
`python -m benchmarks.faults postgres` does with more reviewers and a crash restart as well.
Skipped where those cannot be started (no PostgreSQL 15 binaries, no redis-server).
"""

import pytest

from benchmarks import faults

pytestmark = [
    pytest.mark.slow,
    pytest.mark.fault,
    pytest.mark.worker,
    pytest.mark.skipif(
        bool(faults.private_services_missing()),
        reason=f"cannot start a private PostgreSQL and Redis: {faults.private_services_missing()}",
    ),
]


def test_a_postgres_restart_during_a_run_loses_and_duplicates_nothing():
    [result] = faults.run(["postgres"], reviewers=15, postgres_modes=("fast",), report=lambda line: None)

    assert result["restart_mode"] == "fast"
    assert result["emails"] == result["reviewers_emailed"] == 15
    assert result["reviewers_emailed_twice"] == 0
    assert result["forecasts_listed"] == 15 * faults.FORECASTS_EACH
    assert result["forecasts_listed_twice"] == 0
    assert result["digests"] == {"sent": 15}
    assert result["reminder_rows"] == 15 * faults.FORECASTS_EACH
    # The restarts did hit the run: tasks met a dead connection and were retried.
    assert result["database_errors_logged"] > 0
    assert result["task_retries_logged"] > 0
    assert result["ok"]

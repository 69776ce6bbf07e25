"""manage.py as a newcomer runs it, in other processes on a database of their own: a command whose
reader goes away ends quietly, and `make run`'s setup creates a missing PostgreSQL database."""

import os
import secrets
import subprocess
import sys
import urllib.parse

import pytest

from .deployment import ROOT, free_port

pytestmark = pytest.mark.slow


def local_env(folder, **extra: str) -> dict[str, str]:
    """A local run's environment (DEBUG on, its own var/), nothing else from this shell."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", str(folder)),
        "HINDSIGHT_VAR_DIR": str(folder / "var"),
        "DEBUG": "1",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(env, *args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, **kwargs
    )


@pytest.fixture(scope="module")
def seeded_env(tmp_path_factory):
    env = local_env(tmp_path_factory.mktemp("manage"))
    for args in (("migrate", "--noinput"), ("load_seed", "--with-outcomes")):
        result = manage(env, *args)
        assert result.returncode == 0, result.stderr
    return env


@pytest.mark.parametrize(
    "args",
    [("scorecard", "--format", "csv"), ("scorecard", "--by", "tag"), ("export_forecasts", "--format", "json")],
)
def test_a_command_whose_reader_went_away_ends_without_a_traceback(seeded_env, args):
    # A pipe whose read end is closed before the command starts: its first write fails, every time.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=seeded_env,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr, result.stderr
    assert "BrokenPipeError" not in result.stderr, result.stderr
    assert result.stderr.strip() == ""
    assert result.returncode == 1


def test_the_commands_still_write_everything_to_a_reader(seeded_env):
    result = manage(seeded_env, "scorecard", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("group_by,group_key,group_label,")


def _postgres_url(name: str, port: int = 5432) -> str:
    return f"postgres://postgres@127.0.0.1:{port}/{urllib.parse.quote(name)}"


def _postgres_reachable() -> bool:
    import socket

    try:
        socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _postgres_reachable(), reason="needs a PostgreSQL server at 127.0.0.1:5432")
def test_create_database_creates_a_missing_postgres_database_once(tmp_path):
    name = f"hindsight_create_{secrets.token_hex(4)}"
    env = local_env(tmp_path, DATABASE_URL=_postgres_url(name))
    try:
        first = manage(env, "create_database")
        assert first.returncode == 0, first.stderr
        assert f"Created the database '{name}'" in first.stdout
        again = manage(env, "create_database")
        assert again.returncode == 0, again.stderr
        assert again.stdout == ""
        migrated = manage(env, "migrate", "--noinput")
        assert migrated.returncode == 0, migrated.stderr
    finally:
        manage(
            local_env(tmp_path, DATABASE_URL=_postgres_url("postgres")),
            "shell",
            "-c",
            f"from django.db import connection; connection.cursor().execute('DROP DATABASE IF EXISTS {name}')",
        )


def test_create_database_says_clearly_when_the_server_is_down(tmp_path):
    env = local_env(tmp_path, DATABASE_URL=_postgres_url("hindsight", port=free_port()))
    result = manage(env, "create_database")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Cannot connect to PostgreSQL at 127.0.0.1:" in result.stderr
    assert "Start the server, or fix DATABASE_URL." in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_create_database_leaves_sqlite_alone(tmp_path):
    result = manage(local_env(tmp_path), "create_database")
    assert result.returncode == 0, result.stderr

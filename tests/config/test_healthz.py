"""/healthz: 200 while the database answers, 503 with JSON when it does not; never cached."""

import json
from unittest import mock

import pytest
from django.db import OperationalError

from .deployment import free_port, production_env, run_django


@pytest.fixture
def database_down(monkeypatch):
    broken = mock.MagicMock()
    broken.cursor.side_effect = OperationalError("connection refused")
    monkeypatch.setattr("config.urls.connection", broken)
    return broken


def test_healthy_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_503_with_json_when_the_database_is_down(client, database_down):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "error", "database": "OperationalError"}
    database_down.cursor.assert_called_once()


@pytest.mark.parametrize("database", ["up", "down"])
def test_never_cached(client, db, request, database):
    if database == "down":
        request.getfixturevalue("database_down")
    cache_control = client.get("/healthz")["Cache-Control"]
    assert {"no-cache", "no-store", "must-revalidate", "max-age=0"} <= {p.strip() for p in cache_control.split(",")}


def test_only_reads(client, db):
    assert client.post("/healthz").status_code == 405


@pytest.mark.slow
def test_503_when_the_real_database_server_is_unreachable(tmp_path):
    # Nothing listens on this port: a real connection failure, not a mock.
    env = production_env(tmp_path, DATABASE_URL=f"postgres://hindsight@127.0.0.1:{free_port()}/hindsight")
    result = run_django(
        env,
        "import json\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz', HTTP_HOST='hindsight.example.org', secure=True)\n"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))\n",
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 503, "body": {"status": "error", "database": "OperationalError"}}

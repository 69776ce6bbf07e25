"""CACHE_URL: the default cache (and so the API's throttle counters) is per process unless it points
at a shared Redis, where every gunicorn worker and machine counts together."""

import shutil
import subprocess
import time

import pytest

from .deployment import free_port, production_env, run_django

pytestmark = pytest.mark.slow


@pytest.fixture
def redis_url(tmp_path):
    """A private Redis on a free port, so the test never touches a shared one."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed")
    port = free_port()
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while (
            subprocess.run(
                [shutil.which("redis-cli") or "redis-cli", "-p", str(port), "ping"], capture_output=True, text=True
            ).stdout.strip()
            != "PONG"
        ):
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def _anonymous_request_status(env) -> tuple[str, int]:
    """The cache backend, and the status of one anonymous API request (the schema: throttled like
    every API view, and needs no tables), in a new process."""
    result = run_django(
        env,
        "from django.core.cache import caches\n"
        "from django.test import Client\n"
        "status = Client().get('/api/schema/', HTTP_HOST='hindsight.example.org', secure=True).status_code\n"
        "print('RESULT', type(caches['default']).__name__, status)\n",
    )
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stdout.splitlines() if line.startswith("RESULT ")]
    _, backend, status = line.split()
    return backend, int(status)


def test_without_cache_url_each_process_throttles_alone(tmp_path):
    env = production_env(tmp_path, API_THROTTLE_ANON="1/hour")
    assert _anonymous_request_status(env) == ("LocMemCache", 200)
    assert _anonymous_request_status(env) == ("LocMemCache", 200)  # a new process forgot the first


def test_with_a_redis_cache_url_processes_throttle_together(tmp_path, redis_url):
    env = production_env(tmp_path, API_THROTTLE_ANON="1/hour", CACHE_URL=redis_url)
    assert _anonymous_request_status(env) == ("RedisCache", 200)
    assert _anonymous_request_status(env) == ("RedisCache", 429)  # the second process saw the first

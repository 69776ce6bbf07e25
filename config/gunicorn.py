"""gunicorn settings for production: `gunicorn -c config/gunicorn.py config.wsgi`.

Every value comes from the environment (or `.env`, like config/settings.py), so one file serves a
laptop, a container and a fleet. Command-line flags still win over this file.
"""

import multiprocessing
import os
import sys
from pathlib import Path

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
# gunicorn loads this file by path; make `config.logging` importable whatever the working folder.
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from config.logging import logging_config  # noqa: E402

env = environ.Env()
env.read_env(BASE_DIR / ".env")

# Behind a TLS proxy on the same machine, listen on loopback only; a container or a load
# balancer on another machine sets GUNICORN_BIND=0.0.0.0:8000.
bind = env.list("GUNICORN_BIND", default=["127.0.0.1:8000"])

# Sync workers are processes: a slow request (a scorecard over a large table) holds one worker,
# not the server. 2 x cores + 1 is gunicorn's advice; the cap keeps a large machine from opening
# more PostgreSQL connections than the database allows (each worker holds one, see CONN_MAX_AGE).
# WEB_CONCURRENCY is the variable gunicorn and most platforms already use for this.
workers = env.int("WEB_CONCURRENCY", default=min(2 * multiprocessing.cpu_count() + 1, 12))
# A sync worker serves one request at a time with one database connection: keeping it for a
# minute (CONN_MAX_AGE, read by config/settings.py in each worker) spares every request the start
# of a PostgreSQL backend and the connect, which cost as much CPU as a cached page. Behind
# pgbouncer in transaction pooling set CONN_MAX_AGE=0 (pgbouncer pools); an explicit value wins.
os.environ.setdefault("CONN_MAX_AGE", "60")
# More than one thread switches gunicorn to its gthread worker (threads share one connection
# per thread; useful when requests wait on I/O rather than CPU).
threads = env.int("GUNICORN_THREADS", default=1)

# A request that takes longer is stuck: the worker is killed and replaced.
timeout = env.int("GUNICORN_TIMEOUT", default=30)
# On SIGTERM (a deploy or a scale-down), requests in flight get this long to finish.
graceful_timeout = env.int("GUNICORN_GRACEFUL_TIMEOUT", default=30)
# Recycle each worker after this many requests (plus jitter, so they do not all restart at
# once): bounds the damage of any slow memory growth. 0 turns recycling off. A new worker costs
# about a CPU-second (Django, the URLconf, the connections); at 1,000 requests a busy site spent
# a tenth of its CPU on restarts, and workers that had started together restarted together.
max_requests = env.int("GUNICORN_MAX_REQUESTS", default=10_000)
max_requests_jitter = env.int("GUNICORN_MAX_REQUESTS_JITTER", default=2_000)
# Longer than the proxy's idle keep-alive would waste workers; shorter than it causes 502s.
keepalive = env.int("GUNICORN_KEEPALIVE", default=5)

# Which peers may tell gunicorn the original scheme (X-Forwarded-Proto) and client address.
# Only those peers' X-Forwarded-Proto: https makes a request secure, so a client that reaches
# gunicorn directly cannot pretend to use TLS. Add the proxy's address when it runs elsewhere.
forwarded_allow_ips = env.str("FORWARDED_ALLOW_IPS", default="127.0.0.1,::1")

# Logs: access and error records on stdout, as JSON lines unless LOG_FORMAT=text (the same
# switch and configuration the Django app and Celery use).
_debug = env.bool("DEBUG", default=False)
_log_format = env.str("LOG_FORMAT", default="text" if _debug else "json")
logconfig_dict = logging_config(log_format=_log_format, level=env.str("LOG_LEVEL", default="INFO"))
# In JSON the message stays short: the object carries every field (config.logging).
access_log_format = "%(m)s %(U)s %(s)s" if _log_format == "json" else '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s"'

# gunicorn's control socket (for `gunicornc`) defaults to one path per user, which two
# gunicorns on one machine would fight over; it is opt-in here.
_control_socket = env.str("GUNICORN_CONTROL_SOCKET", default="")
control_socket_disable = not _control_socket
if _control_socket:
    control_socket = _control_socket


def post_worker_init(worker):
    """Import every view before the worker takes its first request: otherwise that request pays
    for the URLconf's imports (a few hundred ms of CPU, seconds on a busy machine) while its
    client waits. The code is still loaded per worker, so `kill -HUP` deploys new code."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - the attribute imports the URLconf

"""Races on PostgreSQL, run for real with threads, each on its own connection and transaction.

The loser of each race is made to lose deterministically: the winner inserts and keeps its
transaction open; the loser starts, and only once PostgreSQL shows it waiting on the winner's
lock does the winner commit. Without handling, the loser then fails with an IntegrityError."""

import threading
import time

import pytest
from django.db import close_old_connections, connection, connections, transaction

RACE_MARKS = (
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite serialises writers, so these races cannot happen there; run with DATABASE_URL=postgres://…",
    ),
)


def race_test(test):
    """A test of a race: on PostgreSQL only, each writer in its own committed transaction."""
    for mark in RACE_MARKS:
        test = mark(test)
    return test


def in_thread(function, results: dict, name: str) -> threading.Thread:
    def run():
        try:
            results[name] = function()
        except Exception as exc:  # reported to the test, which fails on it
            results[name] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def wait_until_a_backend_waits_for_a_lock(limit_seconds: float = 30) -> None:
    """Poll PostgreSQL until another session is blocked on a lock (the race is on)."""
    deadline = time.monotonic() + limit_seconds
    with connections["default"].cursor() as cursor:
        while time.monotonic() < deadline:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
            )
            if cursor.fetchone()[0]:
                return
            time.sleep(0.02)
    raise AssertionError("the second writer never waited for the first")


def race(first_write, second_write) -> dict:
    """first_write runs and holds its transaction open until second_write blocks behind it."""
    results: dict = {}
    wrote, release = threading.Event(), threading.Event()

    def first():
        with transaction.atomic():
            value = first_write()
            wrote.set()
            release.wait(60)
        return value

    one = in_thread(first, results, "first")
    assert wrote.wait(60)
    two = in_thread(lambda: second_write(), results, "second")
    try:
        wait_until_a_backend_waits_for_a_lock()
    finally:
        release.set()
        one.join(60)
        two.join(60)
        close_old_connections()
    for value in results.values():
        if isinstance(value, Exception):
            raise value
    return results

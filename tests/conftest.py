import uuid

import pytest
from rest_framework.throttling import SimpleRateThrottle

from tests.factories import StaffFactory


@pytest.fixture
def staff_user(db):
    return StaffFactory(username="staff")


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """The production hasher is deliberately slow (about half a second per password on this
    machine) and most tests create users of each role; tests hash with MD5 instead. The commands
    run as subprocesses (bootstrap_admin, the production site) keep the real hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    """Pages render without `collectstatic`: the manifest storage is for deployments."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _plain_http(settings):
    """The test client and the live server speak plain HTTP; production redirects it to HTTPS
    (tests/config checks that redirect with the real settings)."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _own_public_page_cache(monkeypatch):
    """Public pages are cached under the data version, which every test's rollback resets: each
    test gets cache keys of its own, so a page cached by one test never answers the next (without
    flushing a cache that other processes may share)."""
    from forecasts.public import caching

    monkeypatch.setattr(caching, "KEY_PREFIX", f"public-test-{uuid.uuid4().hex}")


@pytest.fixture(autouse=True)
def _own_throttle_counters(monkeypatch):
    """API throttles count in a cache that outlives a test (and on Redis, the test run): each test
    counts under keys of its own, so earlier tests' requests in the same minute never count."""
    monkeypatch.setattr(SimpleRateThrottle, "cache_format", f"throttle-{uuid.uuid4().hex}-%(scope)s-%(ident)s")

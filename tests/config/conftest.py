import pytest

from .deployment import Gunicorn, manage, production_env

ADMIN_PASSWORD = "a-long-test-passphrase-for-the-site"  # only ever in a throwaway database


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """gunicorn with production settings on its own SQLite file: static files collected, the
    database migrated, one superuser (admin / ADMIN_PASSWORD)."""
    folder = tmp_path_factory.mktemp("production-site")
    env = production_env(folder, STATIC_ROOT=str(folder / "static"))
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    manage(
        {**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
        "createsuperuser",
        "--noinput",
        "--username",
        "admin",
        "--email",
        "admin@example.org",
    )
    server = Gunicorn(env, folder / "gunicorn.log").start()
    yield server
    server.stop()

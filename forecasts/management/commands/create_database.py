from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, OperationalError, connections


class Command(BaseCommand):
    help = (
        "Create the PostgreSQL database DATABASE_URL names when it does not exist yet (through the server's "
        "`postgres` maintenance database), so `make run` starts on a fresh server. SQLite creates its file itself."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS)

    def handle(self, *args, database: str, **options):
        connection = connections[database]
        settings = connection.settings_dict
        if connection.vendor != "postgresql":
            return
        where = f"{settings.get('HOST') or 'localhost'}:{settings.get('PORT') or 5432}"
        name = settings["NAME"]
        try:
            connection.ensure_connection()
        except OperationalError as exc:
            if "does not exist" not in str(exc):
                raise CommandError(
                    f"Cannot connect to PostgreSQL at {where}: {_first_line(exc)}. Start the server, or fix "
                    "DATABASE_URL."
                ) from None
        else:
            connection.close()
            return
        try:
            # Django's own way in without the database: the `postgres` maintenance database.
            with connection._nodb_cursor() as cursor:
                cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
        except Exception as exc:  # a role without CREATEDB, say, or a race with another creator
            if "already exists" in str(exc):
                return
            raise CommandError(
                f"The database {name!r} does not exist at {where} and could not be created: {_first_line(exc)}. "
                "Create it (createdb) or give a role that may."
            ) from None
        self.stdout.write(self.style.SUCCESS(f"Created the database {name!r} at {where}."))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [exc.__class__.__name__])[0]

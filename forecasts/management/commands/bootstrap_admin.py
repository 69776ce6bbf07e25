import hashlib
import re
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connections

from forecasts import services


def admin_password_file(alias: str = "default") -> Path:
    """Where the generated password of this database is kept: one file per database, so a run on
    PostgreSQL and a run on the SQLite file each print the password that works there."""
    db = connections[alias].settings_dict
    identity = "|".join(str(db.get(key) or "") for key in ("ENGINE", "HOST", "PORT", "NAME"))
    readable = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(str(db.get("NAME") or "db")).stem).strip("-.")[:40] or "db"
    digest = hashlib.sha256(identity.encode()).hexdigest()[:8]
    return settings.VAR_DIR / f"admin-password-{readable}-{digest}.txt"


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists for the embedded run and print it. The generated password is "
        "kept per database in var/admin-password-<database>-<hash>.txt (readable only by you) so that it "
        "can be printed again; --reset gives the login a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")
        parser.add_argument(
            "--reset", action="store_true", help="Set a new generated password (and print it) even if one exists."
        )

    def handle(self, *args, username: str, reset: bool, **options):
        password_file = admin_password_file()
        stored = password_file.read_text(encoding="utf-8").strip() if password_file.exists() else ""
        password = services.admin_login_ensure(username=username, known_password=stored, reset=reset)
        if password is None:
            self.stdout.write(
                f"Admin login: {username} (password unchanged; `manage.py bootstrap_admin --reset` sets and "
                "prints a new one)."
            )
            return
        if password != stored:
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        self.stdout.write(self.style.SUCCESS(f"Admin login: {username} / {password}"))

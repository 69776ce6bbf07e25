import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure an admin login exists for the embedded run and print it. The generated password is "
        "kept in var/admin-password.txt (readable only by you) so that it can be printed again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username: str, **options):
        password_file = settings.VAR_DIR / "admin-password.txt"
        user_model = get_user_model()
        user = user_model.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            user_model.objects.create_superuser(username=username, email=f"{username}@localhost", password=password)
            password_file.write_text(password + "\n", encoding="utf-8")
            password_file.chmod(0o600)
        elif password_file.exists() and user.check_password(password_file.read_text(encoding="utf-8").strip()):
            password = password_file.read_text(encoding="utf-8").strip()
        else:
            self.stdout.write(f"Admin login: {username} (password unchanged; set one with `manage.py changepassword`).")
            return
        self.stdout.write(self.style.SUCCESS(f"Admin login: {username} / {password}"))

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from forecasts import services


class Command(BaseCommand):
    help = (
        "Add an editor or a reviewer: a staff account in the Editors or Reviewers group, without a "
        "password, emailed an invitation whose link sets one. For an existing account, adds it to the "
        "group and sends a new link (its password stays until the link is used)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="Where the invitation goes (kept on the account).")
        parser.add_argument("--role", required=True, choices=sorted(services.role_groups()))

    def handle(self, *args, username: str, email: str, role: str, **options):
        try:
            user, created = services.account_invite(username=username, email=email, role=role)
        except ValidationError as exc:
            problems = "; ".join(f"{field}: {' '.join(messages)}" for field, messages in exc.message_dict.items())
            raise CommandError(f"Nobody was invited: {problems}") from exc
        state = "Created" if created else "Updated"
        self.stdout.write(f"{state} {user.get_username()} ({role}, group {services.role_groups()[role]}).")
        try:
            services.invitation_send(user=user)
        except Exception as exc:  # the account stays; only the email is missing
            raise CommandError(
                f"The invitation to {user.email} could not be sent ({exc.__class__.__name__}: {exc}); the "
                "account is stored. Check EMAIL_URL and run this command again."
            ) from exc
        self.stdout.write(self.style.SUCCESS(f"Invitation sent to {user.email}: its link sets the password."))

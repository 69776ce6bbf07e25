"""The models and the migrations describe the same schema: a model change without its migration
would pass every test on a test database built from the models' migrations, and fail on deploy."""

from io import StringIO

import pytest
from django.core.management import call_command


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit as exit_:
        pytest.fail(f"makemigrations would write a migration (exit {exit_.code}):\n{out.getvalue()}")

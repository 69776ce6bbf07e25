"""Tags compared ignoring case through a key folded in Python (NFKC + casefold), the same on
every database; and a fingerprint of each claim, so that the database itself refuses a second
copy of one forecaster's claim in one article.

Nothing is deleted or merged. Existing tags whose names fold to the same key (possible on
SQLite, e.g. 'kelvin' and 'Kelvin' with the Kelvin sign) are all kept with their forecasts: the
oldest gets the key and is what a lookup by that name finds, each later one a key derived from
its id. Existing duplicate forecasts (same article, forecaster and claim) are kept the same way:
the oldest holds the claim's fingerprint, later copies one derived from their id.
"""

import hashlib
import unicodedata

from django.db import migrations, models


def _fold(name):
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _key(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _claim(claim):
    return " ".join(unicodedata.normalize("NFC", claim).split())


def fill_keys(apps, schema_editor):
    tag_model = apps.get_model("forecasts", "Tag")
    taken = set()
    for tag in tag_model.objects.order_by("id").only("id", "name").iterator():
        key = _key(_fold(tag.name))
        if key in taken:
            key = _key(f"{_fold(tag.name)}\x00{tag.id}")
        taken.add(key)
        tag_model.objects.filter(pk=tag.pk).update(name_key=key)

    forecast_model = apps.get_model("forecasts", "Forecast")
    seen = set()
    rows = forecast_model.objects.order_by("id").only("id", "source_id", "author_id", "claim").iterator()
    for forecast in rows:
        key = _key(_claim(forecast.claim))
        if (forecast.source_id, forecast.author_id, key) in seen:
            key = _key(f"{_claim(forecast.claim)}\x00{forecast.id}")
        seen.add((forecast.source_id, forecast.author_id, key))
        forecast_model.objects.filter(pk=forecast.pk).update(claim_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("forecasts", "0008_probability_and_date_ranges"),
        ("sources", "0004_name_key_casefold"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="tag", name="tag_name_unique_ci"),
        migrations.AddField(
            model_name="tag",
            name="name_key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="forecast",
            name="claim_key",
            field=models.CharField(
                default="", editable=False, help_text="Fingerprint of the claim; derived, never edited.", max_length=64
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tag",
            name="name_key",
            field=models.CharField(
                editable=False,
                error_messages={
                    "unique": "%(model_name)s with this name already exists (names are compared ignoring case)."
                },
                max_length=64,
                unique=True,
            ),
        ),
        migrations.AddConstraint(
            model_name="forecast",
            constraint=models.UniqueConstraint(
                fields=("source", "author", "claim_key"),
                name="forecast_unique_claim_per_source_author",
                violation_error_message="This forecaster's claim is already recorded for this article.",
            ),
        ),
    ]

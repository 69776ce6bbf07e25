"""Case-insensitive names through a key column folded in Python (NFKC + casefold), the same on
every database, instead of LOWER(name), which SQLite applies to ASCII only.

Existing rows whose names fold to the same key (possible on SQLite: 'kelvin' and 'Kelvin' with
the Kelvin sign, or 'Straße' and 'STRASSE' anywhere) are all kept, with their links: the oldest
row gets the key and is what a lookup by that name finds; each later one gets a key of its own
(derived from its id) so that nothing is deleted or merged behind anyone's back. An admin can
merge them afterwards.
"""

import hashlib
import unicodedata

from django.db import migrations, models


def _fold(name):
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _key(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def fill_name_keys(apps, schema_editor):
    for model_name in ("Publication", "Author"):
        model = apps.get_model("sources", model_name)
        taken = set()
        for row in model.objects.order_by("id").only("id", "name").iterator():
            key = _key(_fold(row.name))
            if key in taken:
                key = _key(f"{_fold(row.name)}\x00{row.id}")
            taken.add(key)
            model.objects.filter(pk=row.pk).update(name_key=key)


class Migration(migrations.Migration):
    dependencies = [("sources", "0003_published_on_date_range")]

    operations = [
        migrations.RemoveConstraint(model_name="publication", name="publication_name_unique_ci"),
        migrations.RemoveConstraint(model_name="author", name="author_name_unique_ci"),
        migrations.AddField(
            model_name="publication",
            name="name_key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.AddField(
            model_name="author",
            name="name_key",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="publication",
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
        migrations.AlterField(
            model_name="author",
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
    ]

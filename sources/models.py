import hashlib
import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from .validators import validate_date_in_range


def content_hash(text: str) -> str:
    """SHA-256 of the article text, normalised so that re-saving or re-pasting it
    (line endings, NFC/NFD, trailing spaces) yields the same hash."""
    normalised = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    normalised = "\n".join(line.rstrip() for line in normalised.strip().split("\n"))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def fold_name(name: str) -> str:
    """A name as compared ignoring case: NFKC, Unicode case folding, spaces collapsed.

    Done in Python, not SQL, so that SQLite (ASCII-only LOWER), PostgreSQL (UPPER/LOWER by
    locale) and the import agree: 'Kelvin' with the Kelvin sign is 'kelvin', 'STRASSE' is 'straße'."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def name_key(name: str) -> str:
    """The unique, indexed key of a case-insensitive name: a hash of its folded form, so that its
    length stays fixed whatever NFKC expands the name to."""
    return hashlib.sha256(fold_name(name).encode("utf-8", "surrogatepass")).hexdigest()


class NameKeyed(models.Model):
    """A model whose `name` is unique ignoring case, through the `name_key` column."""

    name_key = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        error_messages={"unique": "%(model_name)s with this name already exists (names are compared ignoring case)."},
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.name_key = name_key(self.name)

    def validate_unique(self, exclude=None):
        # A form leaves out the non-editable key; the name decides, so check the key with it and
        # report a clash on the name.
        self.name_key = name_key(self.name)
        if exclude and "name" not in exclude:
            exclude = set(exclude) - {"name_key"}
        try:
            super().validate_unique(exclude=exclude)
        except ValidationError as exc:
            if hasattr(exc, "error_dict") and "name_key" in exc.error_dict:
                exc.error_dict.setdefault("name", []).extend(exc.error_dict.pop("name_key"))
            raise


class Publication(NameKeyed):
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Author(NameKeyed):
    name = models.CharField(max_length=200)
    bio = models.TextField(blank=True, help_text="Affiliation as the article states it.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Source(models.Model):
    """An article whose forecasts are tracked."""

    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True)
    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="sources", null=True, blank=True
    )
    authors = models.ManyToManyField(Author, related_name="sources", blank=True)
    published_on = models.DateField(
        validators=[validate_date_in_range],
        help_text="Publication date; forecasts in the article are made on this day.",
    )
    text = models.TextField(
        blank=True,
        help_text="The article text, verbatim. Empty when only the reference is known (imported forecasts).",
    )
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the normalised text: the same article is never stored twice.",
    )
    note = models.TextField(blank=True, help_text="Reprints, corrections, how the date was established.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-published_on", "title"]
        indexes = [models.Index(fields=["published_on"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:sources_source_change", args=[self.pk])

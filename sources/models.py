import hashlib
import unicodedata

from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse

from .validators import validate_date_in_range


def content_hash(text: str) -> str:
    """SHA-256 of the article text, normalised so that re-saving or re-pasting it
    (line endings, NFC/NFD, trailing spaces) yields the same hash."""
    normalised = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    normalised = "\n".join(line.rstrip() for line in normalised.strip().split("\n"))
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Publication(models.Model):
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="publication_name_unique_ci")]

    def __str__(self) -> str:
        return self.name


class Author(models.Model):
    name = models.CharField(max_length=200)
    bio = models.TextField(blank=True, help_text="Affiliation as the article states it.")

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(Lower("name"), name="author_name_unique_ci")]

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

"""Writes for publications, authors and articles. Every write goes through here."""

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from .ingestion import ArticleMetadata, normalise_text, stated_metadata
from .models import Author, Publication, Source, content_hash, name_key


def insert_or_get(instance: models.Model, **unique_lookup) -> tuple[models.Model, bool]:
    """Insert a checked new row, or return the row someone else inserted first.

    Two requests may both find nothing and both insert; the database's unique index lets one
    win. The loser's insert fails inside its own savepoint (PostgreSQL waits for the winner to
    commit), and the winner's row is read instead, so the caller's transaction goes on."""
    try:
        with transaction.atomic():
            instance.save()
        return instance, True
    except IntegrityError:
        winner = type(instance)._default_manager.filter(**unique_lookup).first()
        if winner is None:
            raise
        return winner, False


@transaction.atomic
def publication_get_or_create(*, name: str, url: str = "", note: str = "") -> Publication:
    name = " ".join(name.split())
    key = name_key(name)
    publication = Publication.objects.filter(name_key=key).first()
    if publication is None:
        publication = Publication(name=name, url=url, note=note)
        publication.full_clean()
        publication, _ = insert_or_get(publication, name_key=key)
    return publication


@transaction.atomic
def author_get_or_create(*, name: str, bio: str = "") -> Author:
    name = " ".join(name.split())
    key = name_key(name)
    author = Author.objects.filter(name_key=key).first()
    if author is None:
        author = Author(name=name, bio=bio)
        author.full_clean()
        author, _ = insert_or_get(author, name_key=key)
    return author


@transaction.atomic
def source_get_or_create(
    *,
    title: str,
    text: str,
    published_on: datetime.date,
    url: str = "",
    publication: Publication | None = None,
    authors: list[Author] | tuple[Author, ...] = (),
    note: str = "",
) -> tuple[Source, bool]:
    """Store an article once: the same text (by content hash) returns the stored Source."""
    digest = content_hash(text)
    existing = Source.objects.filter(content_hash=digest).first()
    if existing is not None:
        return existing, False
    source = Source(
        title=" ".join(title.split()),
        text=text,
        published_on=published_on,
        url=url,
        publication=publication,
        note=note,
        content_hash=digest,
    )
    source.full_clean()
    source, created = insert_or_get(source, content_hash=digest)
    if created:
        source.authors.set(authors)
    return source, created


@transaction.atomic
def source_get_or_create_reference(
    *,
    title: str,
    url: str,
    published_on: datetime.date,
    publication: Publication | None = None,
    author: Author | None = None,
) -> Source:
    """An article known only by its title and URL (an imported forecast names its source but
    does not carry the text). The same URL, or the same title without a URL, is one source."""
    title = " ".join(title.split())
    existing = Source.objects.filter(url=url).first() if url else Source.objects.filter(title=title, url="").first()
    if existing is not None:
        return existing
    source = Source(
        title=title,
        url=url,
        published_on=published_on,
        publication=publication,
        text="",
        # No text to hash: the reference itself identifies the article.
        content_hash=content_hash(f"reference\n{url}\n{title}"),
    )
    source.full_clean()
    source, created = insert_or_get(source, content_hash=source.content_hash)
    if created and author is not None:
        source.authors.add(author)
    return source


@transaction.atomic
def source_record(
    *,
    title: str,
    text: str,
    published_on: datetime.date,
    url: str = "",
    publication_name: str = "",
    author_names: list[str] | tuple[str, ...] = (),
    note: str = "",
) -> tuple[Source, bool]:
    """Store an article described by names (as an integrator sends it): the publication and
    authors are found or created, all in one transaction with the article."""
    publication = publication_get_or_create(name=publication_name) if publication_name.strip() else None
    authors = [author_get_or_create(name=name) for name in author_names if name.strip()]
    return source_get_or_create(
        title=title, text=text, published_on=published_on, url=url, publication=publication, authors=authors, note=note
    )


# The text is the article's identity (its content hash); only the description around it changes.
SOURCE_EDITABLE_FIELDS = ("title", "url", "published_on", "note")


@transaction.atomic
def source_update(
    *,
    source: Source,
    data: dict,
    publication_name: str | None = None,
    author_names: list[str] | tuple[str, ...] | None = None,
) -> Source:
    """Change an article's description. None leaves the publication or the authors as they are;
    an empty publication name removes it."""
    unknown = set(data) - set(SOURCE_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError({name: "This field cannot be changed here." for name in sorted(unknown)})
    for name, value in data.items():
        setattr(source, name, " ".join(value.split()) if name == "title" else value)
    if publication_name is not None:
        source.publication = publication_get_or_create(name=publication_name) if publication_name.strip() else None
    source.full_clean()
    source.save()
    if author_names is not None:
        source.authors.set([author_get_or_create(name=name) for name in author_names if name.strip()])
    return source


def article_metadata_resolve(
    *,
    text: str,
    title: str = "",
    published_on: datetime.date | None = None,
    author_name: str = "",
    publication_name: str = "",
    metadata: ArticleMetadata | None = None,
    url: str = "",
    require_author: bool = False,
    require_published: bool = True,
) -> ArticleMetadata:
    """What an imported article says about itself (byline, bio line, "first published by",
    an HTML page's tags in `metadata`, the day in its `url`), overridden by the arguments;
    checked before anything is written, with a message per missing field."""
    stated = stated_metadata(text, metadata, url)
    resolved = ArticleMetadata(
        title=(title or stated.title or "").strip(),
        author=(author_name or stated.author or "").strip(),
        author_bio=stated.author_bio,
        publication=(publication_name or stated.publication or "").strip(),
        published_on=published_on or stated.published_on,
    )
    errors = {}
    if not resolved.title:
        errors["title"] = "The text has no title line; give a title."
    if require_published and resolved.published_on is None:
        errors["published_on"] = "The text states no publication date; give one (YYYY-MM-DD)."
    if require_author and not resolved.author:
        errors["author"] = "The text names no author (no byline or bio line); give the author."
    if errors:
        raise ValidationError(errors)
    return resolved


def source_by_text(text: str) -> Source | None:
    """The stored article with this text (compared as its content hash), if any."""
    return Source.objects.filter(content_hash=content_hash(normalise_text(text))).first()


def source_metadata(source: Source) -> ArticleMetadata:
    """What is recorded about a stored article, in the shape an import reads from a text."""
    author = source.authors.order_by("id").first()
    return ArticleMetadata(
        title=source.title,
        author=author.name if author else "",
        author_bio=author.bio if author else "",
        publication=source.publication.name if source.publication else "",
        published_on=source.published_on,
    )


@transaction.atomic
def source_create_from_text(
    *,
    text: str,
    title: str = "",
    url: str = "",
    published_on: datetime.date | None = None,
    author_name: str = "",
    publication_name: str = "",
    metadata: ArticleMetadata | None = None,
) -> tuple[Source, bool]:
    """Store an imported article once. The title, author, publication and date come from the
    text where it states them (or from `metadata`, e.g. an HTML page's tags); the arguments
    override them. Importing the same text again returns the stored Source."""
    text = normalise_text(text)
    resolved = article_metadata_resolve(
        text=text,
        title=title,
        published_on=published_on,
        author_name=author_name,
        publication_name=publication_name,
        metadata=metadata,
        url=url,
    )
    publication = publication_get_or_create(name=resolved.publication) if resolved.publication else None
    authors = [author_get_or_create(name=resolved.author, bio=resolved.author_bio)] if resolved.author else []
    return source_get_or_create(
        title=resolved.title[:500],
        text=text,
        published_on=resolved.published_on,
        url=url,
        publication=publication,
        authors=authors,
    )

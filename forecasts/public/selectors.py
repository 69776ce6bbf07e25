"""Reads for the public pages: only confirmed forecasts, filtered and searched the same way on
every list page, its feed and its downloads."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

from sources.models import Author, Publication, Source

from ..models import Forecast, Outcome, Status, Tag

# ?status= on a list page: what a reader asks for, in their words.
STATUS_FILTERS = {
    "open": ("Open", Q(status__in=[Status.OPEN, Status.DUE])),
    "scored": (
        "Resolved and scored",
        Q(status=Status.RESOLVED, outcome__in=[Outcome.YES, Outcome.NO], probability__isnull=False),
    ),
    "unscored": (
        "Resolved, not scored",
        Q(status=Status.RESOLVED) & ~Q(outcome__in=[Outcome.YES, Outcome.NO], probability__isnull=False),
    ),
    "resolved": ("All resolved", Q(status=Status.RESOLVED)),
}
MAX_QUERY_LENGTH = 200
SEARCH_CONFIG = "english"


def public_forecasts() -> QuerySet[Forecast]:
    """Every forecast a reader may see: proposed candidates are nobody's forecast yet."""
    return Forecast.objects.confirmed()


def clean_query(text: str | None) -> str:
    """Words to search for: control characters (PostgreSQL refuses NUL in text) and unpaired
    surrogates dropped, white space collapsed, bounded."""
    kept = "".join(ch if unicodedata.category(ch) not in ("Cc", "Cs") else " " for ch in (text or ""))
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]


def uses_full_text_search() -> bool:
    return connection.vendor == "postgresql"


def search_vector() -> SearchVector:
    """What a claim search matches against. The GIN index of the migration
    forecast_full_text_search_index is built on exactly this expression: change both together."""
    return SearchVector("claim", "quote", config=SEARCH_CONFIG)


def search_forecasts(queryset: QuerySet[Forecast], text: str) -> QuerySet[Forecast]:
    """Claims and quotes matching `text`: PostgreSQL's full-text search (stemmed, so "grows"
    finds "growth"), or a case-insensitive substring on SQLite."""
    text = clean_query(text)
    if not text:
        return queryset
    if uses_full_text_search():
        return queryset.annotate(search=search_vector()).filter(
            search=SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        )
    return queryset.filter(Q(claim__icontains=text) | Q(quote__icontains=text))


def filter_calls(
    queryset: QuerySet[Forecast], *, status: str | None = None, tag: str | None = None, query: str | None = None
) -> QuerySet[Forecast]:
    """A list page's calls, narrowed by ?status=, ?tag= (a tag's name) and ?q=; unknown values
    narrow nothing rather than fail."""
    if status in STATUS_FILTERS:
        queryset = queryset.filter(STATUS_FILTERS[status][1])
    if tag:
        queryset = queryset.filter(tags__name_key=_tag_key(tag))
    return search_forecasts(queryset, query or "")


def _tag_key(name: str) -> str:
    from sources.models import name_key

    return name_key(name)


def calls_in_order(queryset: QuerySet[Forecast]) -> QuerySet[Forecast]:
    """Open calls first, soonest deadline first; then resolved ones, most recently resolved first."""
    rank = Case(When(status=Status.RESOLVED, then=Value(1)), default=Value(0), output_field=IntegerField())
    return (
        queryset.annotate(resolved_rank=rank)
        .order_by("resolved_rank", "-resolved_at", "deadline", "-id")
        .select_related("source", "source__publication", "author")
        .prefetch_related("tags")
    )


def recent_sources(limit: int) -> list[int]:
    """The most recently published articles that have a confirmed forecast, newest first (by the
    published_on index; each article's existence check stops at its first forecast)."""
    confirmed = public_forecasts().filter(source=OuterRef("pk"))
    return list(
        Source.objects.filter(Exists(confirmed))
        .order_by(F("published_on").desc(nulls_last=True), "-pk")
        .values_list("pk", flat=True)[:limit]
    )


def tags_of(queryset: QuerySet[Forecast]) -> list[str]:
    return list(Tag.objects.filter(forecasts__in=queryset.values("pk")).distinct().values_list("name", flat=True))


@dataclass(frozen=True)
class SearchResults:
    query: str
    authors: list[Author]
    publications: list[Publication]
    sources: list[Source]
    forecasts: QuerySet[Forecast]

    @property
    def empty(self) -> bool:
        return not (self.authors or self.publications or self.sources or self.forecasts.exists())


def search_site(text: str, *, limit: int = 20) -> SearchResults:
    """Pundits, outlets and articles by name or title, and claims, for the site-wide search box.
    Only those with confirmed forecasts: the others have no public page."""
    text = clean_query(text)
    confirmed = public_forecasts()
    if not text:
        return SearchResults(text, [], [], [], confirmed.none())
    authors = Author.objects.filter(name__icontains=text, forecasts__in=confirmed.values("pk")).distinct()
    publications = Publication.objects.filter(
        name__icontains=text, sources__forecasts__in=confirmed.values("pk")
    ).distinct()
    if uses_full_text_search():
        match = SearchQuery(text, config=SEARCH_CONFIG, search_type="websearch")
        sources = Source.objects.annotate(search=SearchVector("title", config=SEARCH_CONFIG)).filter(
            Q(search=match) | Q(title__icontains=text)
        )
    else:
        sources = Source.objects.filter(title__icontains=text)
    sources = sources.filter(forecasts__in=confirmed.values("pk")).distinct()
    forecasts = search_forecasts(confirmed, text).select_related("author", "source").order_by("-made_on", "-id")
    return SearchResults(
        query=text,
        authors=list(authors[:limit]),
        publications=list(publications[:limit]),
        sources=list(sources.order_by("-published_on", "title")[:limit]),
        forecasts=forecasts,
    )

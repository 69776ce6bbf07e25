"""Reading an article from a file or a paste: checks, HTML to text, and metadata.

Pure functions (no database). Everything that can go wrong with the input raises
`IngestionError` with a message fit to show an editor, before anything is stored.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from dateutil import parser as date_parser

from sources.extraction import lexicon
from sources.extraction.segments import looks_like_headline
from sources.extraction.timex import MONTH

MAX_BYTES = 2 * 1024 * 1024


class IngestionError(ValueError):
    """The input cannot be read as an article."""


@dataclass(frozen=True)
class ArticleMetadata:
    title: str = ""
    author: str = ""
    author_bio: str = ""
    publication: str = ""
    published_on: datetime.date | None = None

    def merged_over(self, fallback: ArticleMetadata) -> ArticleMetadata:
        """These values where set, the fallback's elsewhere."""
        return ArticleMetadata(
            title=self.title or fallback.title,
            author=self.author or fallback.author,
            author_bio=self.author_bio or fallback.author_bio,
            publication=self.publication or fallback.publication,
            published_on=self.published_on or fallback.published_on,
        )


@dataclass(frozen=True)
class ArticleText:
    text: str
    metadata: ArticleMetadata
    was_html: bool = False


# --- reading ------------------------------------------------------------------------------------


def read_article_file(path: Path | str, *, max_bytes: int | None = None) -> ArticleText:
    path = Path(path)
    max_bytes = MAX_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise IngestionError(f"{path}: no such file.") from None
    except OSError as exc:
        raise IngestionError(f"{path}: cannot be read ({exc.strerror}).") from None
    if not path.is_file():
        raise IngestionError(f"{path}: not a regular file.")
    # Checked before reading, so a huge file is never loaded into memory.
    _check_size(size, max_bytes)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestionError(f"{path}: cannot be read ({exc.strerror}).") from None
    return read_article_bytes(data, filename=path.name, max_bytes=max_bytes)


def read_article_bytes(data: bytes, *, filename: str = "", max_bytes: int | None = None) -> ArticleText:
    _check_size(len(data), MAX_BYTES if max_bytes is None else max_bytes)
    if not data.strip():
        raise IngestionError("The file is empty.")
    if _looks_binary(data):
        raise IngestionError(
            "This looks like a binary file (a PDF, image or word-processor file?); give the text or HTML."
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestionError(
            f"The file is not UTF-8 text (byte {exc.start} cannot be decoded); save it as UTF-8 and try again."
        ) from None
    return read_article_text(text, is_html=_is_html(text, filename))


def read_article_text(text: str, *, is_html: bool | None = None) -> ArticleText:
    """A pasted article (text or HTML), normalised, with the metadata it states."""
    if is_html is None:
        is_html = _is_html(text, "")
    html_metadata = ArticleMetadata()
    if is_html:
        text, html_metadata = html_to_text(text)
    text = normalise_text(text)
    if not text.strip():
        raise IngestionError("The article has no text.")
    return ArticleText(text=text, metadata=html_metadata.merged_over(extract_metadata(text)), was_html=is_html)


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise IngestionError(
            f"The file is too large ({size / 1_048_576:.1f} MB); the limit is {max_bytes / 1_048_576:.0f} MB."
        )


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    if sample.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\xd0\xcf\x11\xe0")):
        return True
    control = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return control > len(sample) * 0.02


def _is_html(text: str, filename: str) -> bool:
    if filename.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    head = text.lstrip()[:1000].lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(?:p|div|br|h[1-6]|article|span|a|body|script|style)\b", text[:20000], re.I)) >= 3


def normalise_text(text: str) -> str:
    """NFC, Unix line endings, no control characters, at most one blank line in a row.

    Non-breaking spaces and curly quotes are kept: quotes are taken verbatim from this text.
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


# --- HTML ---------------------------------------------------------------------------------------

# Contents never shown to a reader (or never article prose) are dropped, never executed.
_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "canvas", "head", "nav"}
_SKIPPED |= {"figcaption", "button", "form", "select", "textarea", "math"}
_BLOCK = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "blockquote", "li", "ul", "ol",
    "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "figure", "pre", "dd", "dt", "dl", "hr", "address",
}  # fmt: skip
_VOID = {"br", "img", "meta", "link", "input", "hr", "source", "wbr", "col", "area", "base", "param", "track"}


class _ArticleHTMLParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.h1 = ""
        self.in_h1 = False
        self.meta: dict[str, str] = {}
        self.time_datetime = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
            return
        if tag == "title":
            self.in_title = True
            return
        if tag == "time" and values.get("datetime") and not self.time_datetime:
            self.time_datetime = values["datetime"]
        if tag in _VOID:
            if tag == "br":
                self.parts.append("\n")
            return
        if tag in _SKIPPED:
            self.skip_depth += 1
            return
        if tag == "h1" and not self.skip_depth:
            self.in_h1 = True
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _SKIPPED:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag == "h1":
            self.in_h1 = False
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if self.skip_depth:
            return
        if self.in_h1:
            self.h1 += data
        self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(html: str) -> tuple[str, ArticleMetadata]:
    """Visible text with paragraphs as blank-line blocks; scripts, styles and captions dropped."""
    parser = _ArticleHTMLParser()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    paragraphs = [" ".join(block.split(" ")).strip() for block in re.split(r"\n\s*\n", raw)]
    lines = []
    for paragraph in paragraphs:
        cleaned = "\n".join(line.strip() for line in paragraph.split("\n") if line.strip())
        if cleaned:
            lines.append(cleaned)
    meta = parser.meta
    published = _parse_date(
        meta.get("article:published_time") or meta.get("datepublished") or meta.get("date") or parser.time_datetime
    )
    metadata = ArticleMetadata(
        title=" ".join((meta.get("og:title") or parser.h1 or parser.title).split()),
        author=" ".join((meta.get("author") or meta.get("article:author") or "").split())
        if not (meta.get("author") or "").startswith("http")
        else "",
        publication=" ".join((meta.get("og:site_name") or "").split()),
        published_on=published,
    )
    return "\n\n".join(lines), metadata


# --- metadata -----------------------------------------------------------------------------------

_NAME = (
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?[ \t\u00a0]+)?"
    r"(?P<name>[A-Z][\w'\-]+(?:[ \t\u00a0]+(?:[A-Z][\w'\-]*\.?|de|van|von|da|al|bin|el|le)){1,4})"
)
_BYLINE_PATTERNS = [
    re.compile(rf"^(?:By|Written by|Words by)\s+{_NAME}", re.M),
    re.compile(rf"^Authors?:\s*{_NAME}", re.M),
    re.compile(rf"^Posted\b.{{0,60}}?\bby\s+{_NAME}", re.M),
    re.compile(rf"^{_NAME}\s*[|\u2022\u00b7,\u2013\u2014-]\s*\d{{1,2}}\s+\w+\s+\d{{4}}\s*$", re.M),
]
_BIO_LINE = re.compile(
    rf"^(?:[-\u2014\u2013*_]\s*)?{_NAME}\s+(?P<bio>(?:is|was|writes|teaches|works|leads|heads|serves)\b[^\n]*)$", re.M
)
_ROLE_WORDS = re.compile(rf"\b(?:{lexicon.ROLE_PATTERN}|writes)\b", re.I)
_FIRST_PUBLISHED = re.compile(
    r"\b(?:first|originally)\s+(?:published|appeared)\s+(?:by|in|on|at)\s+(?:the\s+)?"
    r"(?P<pub>[A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|of|and|for|the|&))*)"
)
_WIRE = re.compile(rf"\((?P<pub>{lexicon.WIRE_PATTERN})\)\s*[-\u2013\u2014]")
_WRITES_FOR = re.compile(r"\bwrites\b[^\n.]{0,80}?\bfor\s+(?P<pub>(?:The\s+)?[A-Z][\w&'\-]*(?:\s+[A-Z][\w&'\-]*)*)")
# A month capitalised or in capitals ("14 MAY 2018" on a trade site's date line), never in lower case.
_MONTH = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
    r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*"
)
_ORDINAL = r"(?:st|nd|rd|th)?"
# A day written in figures, month and day in either order ("09/25/2024", "18/01/2012", "1/14/14").
_NUMERIC_DATE = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4}|\d{2})\b")
# Year, month and day with full stops, as Hungarian and other central European pages write them ("2019. 06. 20.").
_DOTTED_DATE = re.compile(r"\b(?P<year>\d{4})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})\b\.?")
# A date a preposition governs is one the text talks about ("Predictions for March 24th, 2018", "on 4th
# January 2007 I was quizzed", "Based on 6/30/2024 crop conditions"), not the page's own, unless a word of
# publishing governs it ("Posted on January 5, 2025").
# The words of publishing a page's date line uses.
_PUBLISHING = r"posted|published|updated|released|dated|issued|written"
_GOVERNING = re.compile(
    rf"(?:\b(?P<publishing>{_PUBLISHING})\s+)?"
    r"\b(?:for|on|by|until|till|since|before|after|to|in|at|between|than)\s+$",
    re.I,
)


# A line that names itself the page's date ("Posted On: 05/26/2021", "Published: Wed 23 Apr 2008, 8:27 PM",
# "Last updated: 2022-10-29"): a label of publishing, then the date, then at most a time or a remark.
_LABELLED_DATE_LINE = re.compile(
    rf"^(?:first\s+|last\s+)?(?:{_PUBLISHING}|date)(?:\s+on)?\s*:?\s*"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?P<date>.+)$",
    re.I,
)


def _governed(before: str) -> bool:
    """Whether the words before a date end on a preposition that no word of publishing governs."""
    found = _GOVERNING.search(before)
    return bool(found) and not found["publishing"]


_DATE_PATTERNS = [
    re.compile(rf"\b\d{{1,2}}{_ORDINAL}\s+(?:{_MONTH})\.?,?\s+\d{{4}}\b"),
    re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}{_ORDINAL}(?:,\s*|\s+)\d{{4}}\b"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    _NUMERIC_DATE,
    _DOTTED_DATE,
]


def _parse_date(value: str) -> datetime.date | None:
    if not value:
        return None
    try:
        return date_parser.parse(value, fuzzy=False, dayfirst=False).date()
    except (ValueError, OverflowError):
        return None


def _stated_date(found: str) -> datetime.date | None:
    """The date a page's own date line gives: a day in figures only where it is unambiguous ("02/03/2012"
    is 3 February in New York and 2 March in London, and a wrong date is worse than asking the editor)."""
    match = _DOTTED_DATE.fullmatch(found)
    if match:
        return _valid_date(int(match["year"]), int(match["month"]), int(match["day"]))
    match = _NUMERIC_DATE.fullmatch(found)
    if not match:
        # dateutil reads "Jan 18,2025" as 18 January of the current year
        return _parse_date(re.sub(r",(?=\d)", ", ", found))
    first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
    if year < 100:
        year += 2000 if year < 70 else 1900
    if first > 12 >= second:
        return _valid_date(year, second, first)
    if second > 12 >= first or first == second:
        return _valid_date(year, first, second)
    return None


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date(value: str) -> datetime.date:
    """A date as an editor types it ("2023-01-01", "1 January 2023", "Jan 1, 2023")."""
    parsed = _parse_date(value.strip())
    if parsed is None:
        raise IngestionError(f"Cannot read the date {value!r}; write it as YYYY-MM-DD.")
    return parsed


def extract_metadata(text: str) -> ArticleMetadata:
    """Title, author, bio, publication and date, where the text states them."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    head_lines = [line.strip() for block in blocks[:4] for line in block.split("\n") if line.strip()]
    title = ""
    if blocks:
        first = blocks[0].split("\n")[0].strip()
        if looks_like_headline(first) and not _BYLINE_PATTERNS[0].match(first):
            title = first

    author = ""
    head = "\n".join(head_lines[:6])
    for pattern in _BYLINE_PATTERNS:
        match = pattern.search(head)
        if match:
            author = _clean_name(match.group("name"))
            break

    author_bio = ""
    for block in reversed(blocks):
        match = _BIO_LINE.match(block)
        if match and len(block.split()) <= 80 and _ROLE_WORDS.search(match.group("bio")):
            if not author:
                author = _clean_name(match.group("name"))
            if _clean_name(match.group("name")) == author:
                author_bio = block
            break
    if not author and len(head_lines) > 1:
        # A bare name line under the title, followed by a date line ("Oliver Grant / 10 November 2024").
        candidate, following = head_lines[1], head_lines[2] if len(head_lines) > 2 else ""
        if re.fullmatch(_NAME, candidate) and any(p.search(following) for p in _DATE_PATTERNS):
            author = _clean_name(re.fullmatch(_NAME, candidate).group("name"))

    publication = ""
    for pattern in (_FIRST_PUBLISHED, _WIRE, _WRITES_FOR):
        match = pattern.search(text)
        if match:
            publication = _clean_publication(match.group("pub"))
            break

    published_on = None
    for line in head_lines[:8]:
        for match in (m for pattern in _DATE_PATTERNS for m in pattern.finditer(line)):
            before = line[: match.start()]
            # a day in figures deep in a sentence dates data ("Based on the 6/30/24 crop condition report")
            deep = match.re is _NUMERIC_DATE and len(before.split()) > 4
            if not deep and not _governed(before):
                published_on = _stated_date(match.group(0))
                if published_on:
                    break
        if published_on:
            break
    if published_on is None:
        # A line that is only a date is the page's dateline even below a report's header block
        # (kind, title, publisher and authors, one line each): "November 8, 2023" as a fifth block;
        # so is a line that says it is the page's date, below a lead and links ("Posted On: 05/26/2021").
        for index, block in enumerate(blocks[4:12], start=4):
            for line in (line.strip() for line in block.split("\n")):
                published_on = _date_line(line, bare=index < 8)
                if published_on:
                    break
            if published_on:
                break
    return ArticleMetadata(
        title=title, author=author, author_bio=author_bio, publication=publication, published_on=published_on
    )


def _date_line(line: str, *, bare: bool) -> datetime.date | None:
    """The date of a line that is the page's date line: only a date (where `bare` allows it), or a
    label of publishing with the date, a time or a short remark after it."""
    if bare and any(pattern.fullmatch(line) for pattern in _DATE_PATTERNS):
        return _stated_date(line)
    labelled = _LABELLED_DATE_LINE.match(line)
    if not labelled:
        return None
    rest = labelled["date"]
    for pattern in _DATE_PATTERNS:
        found = pattern.match(rest)
        if found and len(rest[found.end() :].split()) <= 3:
            return _stated_date(found.group(0))
    return None


def stated_metadata(text: str, metadata: ArticleMetadata | None = None, url: str = "") -> ArticleMetadata:
    """What the article states about itself: `metadata` (e.g. an HTML page's tags) first, then
    the text, then the date in the article's URL. The one home of that order, so the import's
    warnings and its check for a missing date read the same values."""
    stated = (metadata or ArticleMetadata()).merged_over(extract_metadata(text))
    return stated.merged_over(ArticleMetadata(published_on=date_from_url(url)))


# A day in a URL's path: /2023/10/12/ as whole segments, 2023-10-12 within a segment, or a stamp.
_URL_DAY_PATTERNS = [
    re.compile(r"(?<=/)(\d{4})/(\d{1,2})/(\d{1,2})(?=/|$)"),
    re.compile(r"(?<![0-9])(\d{4})-(\d{2})-(\d{2})(?![0-9])"),
    # a wire's item stamp, day and time run together: /item/20140908124431-enms8 (a bare run of eight
    # digits is as often an id as a day, so only a whole stamp with a time of day counts)
    re.compile(r"(?<![0-9])(\d{4})(\d{2})(\d{2})(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?![0-9])"),
    # the year a segment and month and day the next: /2014/0127/ (The Christian Science Monitor, RTÉ)
    re.compile(r"(?<=/)(\d{4})/(\d{2})(\d{2})(?=/|$)"),
    # a day closing a slug before the page's short code: -20151105-gks6f6.html (the Age, the Sydney
    # Morning Herald and their sister sites: letters and digits); eight digits elsewhere may be an id
    re.compile(r"(?<=-)(\d{4})(\d{2})(\d{2})(?=-(?=[a-z]*\d)[a-z0-9]{4,8}\.html?$)"),
    # a day numbered within it as a whole segment: /news/20240606_01/ (NHK World)
    re.compile(r"(?<=/)(\d{4})(\d{2})(\d{2})(?=_\d{1,3}(?:/|$))"),
]
# ... or in words within a slug: /market-snapshot-october-20-2021/, /brazil-week-of-17-june-2024
_URL_WORD_DAY = re.compile(
    rf"(?<![a-z])(?:(?P<month>{MONTH})-(?P<day>\d{{1,2}})|(?P<day_first>\d{{1,2}})(?:st|nd|rd|th)?-(?P<month_after>{MONTH}))"
    r"-(?P<year>\d{4})(?![0-9])",
    re.I,
)
# ... or year, month's name and day run together as a segment: /2011feb03/
_URL_SEGMENT_DAY = re.compile(rf"(?<=/)(\d{{4}})({MONTH})(\d{{2}})(?=/|$)", re.I)
# ... or a year segment, then the page named by that year's last two digits, month and day:
# /2007/070426.html (the two-digit year must repeat the segment's, or the six digits are an id)
_URL_YEAR_THEN_SHORT_DAY = re.compile(r"(?<=/)(\d{2}(\d{2}))/\2(\d{2})(\d{2})(?=\.[a-z]{3,5}$|/|$)", re.I)
# Older than any news site: four digits before that are an id, not a year.
_URL_FIRST_YEAR = 1990


def date_from_url(url: str, *, today: datetime.date | None = None) -> datetime.date | None:
    """The publication day a news URL's path states, if it states exactly one.

    A year and month alone (/2010/04/) is not a day; an impossible day, a future one, or two
    different days in one path give none, as a wrong date is worse than asking the editor."""
    if not url:
        return None
    path = unquote(urlsplit(url.strip()).path)
    today = today or datetime.date.today()
    days = set()
    for pattern in _URL_DAY_PATTERNS:
        for year, month, day in pattern.findall(path):
            days.add(_valid_date(int(year), int(month), int(day)))
    for year, _, month, day in _URL_YEAR_THEN_SHORT_DAY.findall(path):
        days.add(_valid_date(int(year), int(month), int(day)))
    for year, month, day in _URL_SEGMENT_DAY.findall(path):
        days.add(_parse_date(f"{month} {day} {year}"))
    for words in _URL_WORD_DAY.finditer(path):
        month, day = words["month"] or words["month_after"], words["day"] or words["day_first"]
        days.add(_parse_date(f"{month.rstrip('.')} {day} {words['year']}"))
    if any(found is None or found > today or found.year < _URL_FIRST_YEAR for found in days):
        return None
    return days.pop() if len(days) == 1 else None


def _clean_name(name: str) -> str:
    name = re.sub(r"^(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+", "", " ".join(name.split()))
    return name.rstrip(".,")


def _clean_publication(name: str) -> str:
    name = " ".join(name.split())
    name = re.split(r"\s+(?:and|which|on|in|with)\s+", name)[0]
    name = re.sub(r"(?:\s+(?:and|of|for|the|&))+$", "", name)
    return name.rstrip(".,;")

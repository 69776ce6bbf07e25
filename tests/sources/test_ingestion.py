"""Reading articles: bad input is refused with a clear message; HTML becomes text; metadata."""

import datetime
import json
from pathlib import Path

import pytest

from sources.extraction import extract_candidates
from sources.ingestion import (
    ArticleMetadata,
    IngestionError,
    date_from_url,
    extract_metadata,
    parse_date,
    read_article_bytes,
    read_article_file,
    read_article_text,
    stated_metadata,
)

ARTICLES = Path(__file__).parent / "articles"


@pytest.mark.parametrize("name", sorted(path.stem for path in ARTICLES.glob("*.txt")))
def test_metadata_from_the_text(name):
    expected = json.loads((ARTICLES / f"{name}.json").read_text(encoding="utf-8"))["metadata"]
    metadata = read_article_file(ARTICLES / f"{name}.txt").metadata
    assert metadata.title == expected["title"]
    assert metadata.author == expected["author"]
    assert (metadata.publication or None) == expected["publication"]


def test_bio_line_is_kept_as_the_author_bio():
    metadata = read_article_file(ARTICLES / "seed-russia-china-north-korea-2023.txt").metadata
    assert metadata.author_bio.startswith("Benjamin Katzeff Silberstein is Associate Fellow")


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("Title\n\nBy Jane Roe\n\n10 February 2024\n\nText.", datetime.date(2024, 2, 10)),
        ("Title\n\nPosted on January 5, 2025 by Jane Roe\n\nText.", datetime.date(2025, 1, 5)),
        ("Title\n\nJane Roe | 1 June 2022\n\nText.", datetime.date(2022, 6, 1)),
        ("Title\n\nText without any date.", None),
        # a think tank's report page: the date line under four header blocks
        (
            "Report\n\nUK Economic Outlook (Autumn 2023)\n\nThink tank: National Institute of Economic and Social "
            "Research (NIESR)\n\nAuthor(s): Various authors\n\nNovember 8, 2023\n\nThis report calls for renewed "
            "public investment.",
            datetime.date(2023, 11, 8),
        ),
        # a trade site's date line, its month in capitals, after the section's name (telecompaper.com)
        (
            "Telstra warns for 'challenging' times ahead, FY EBITDA at low end of guidance\n\nNews General "
            "Australia 14 MAY 2018\nTelstra warns for 'challenging' times ahead\n\nText.",
            datetime.date(2018, 5, 14),
        ),
        # a month in lower case is a word ("may"), not a date
        ("Title\n\nPrices 14 may 2018 levels.\n\nText.", None),
        # a date inside a sentence further down is not the page's date
        ("Title\n\nOne.\n\nTwo.\n\nThree.\n\nOn March 3, 2022, the bank raised rates.", None),
        # days with ordinals, a comma after the month, after a weekday (bankofengland.co.uk notes, fitchsolutions.com)
        ("Monetary Policy Statement (11th May 2017).\n\nText.", datetime.date(2017, 5, 11)),
        ("April 14th 2014\n\nSummary", datetime.date(2014, 4, 14)),
        ("Title\nPolitical Risk / Europe / Mon 03 Mar, 2025\n\nText.", datetime.date(2025, 3, 3)),
        # a day in figures where only one reading is a date: month first, day first, a two-digit year
        ("10:40 AM EDT, 09/25/2024 (MT Newswires) -- Cintas raised its guidance.", datetime.date(2024, 9, 25)),
        ("Report\n18/01/2012\nToday sees the launch.", datetime.date(2012, 1, 18)),
        ("NFL Futures (1/14/14)\n\nBy John Ewing", datetime.date(2014, 1, 14)),
        ("News ID : 231026\n\nPublish Date : 6/30/2025 6:16:58 PM\n\nTitle", datetime.date(2025, 6, 30)),
        # ... never one that reads two ways, nor one deep in a sentence, which dates data
        ("Milton Ezrati\n5/6/2022\n\nText.", None),
        ("Yields\n\nThis article estimates yields. Based on the 6/30/24 crop report, output rises.", None),
        # year, month and day with full stops (trademagazin.hu)
        ("Growth\n\nBy: Trademagazin editor Date: 2019. 06. 20. 11:22\n\nText.", datetime.date(2019, 6, 20)),
        # a date a preposition governs is one the text talks about, unless a word of publishing does
        ("Predictions\n\nPredictions for March 24th, 2018\n\n* I will have my licence.", None),
        ("Title\n\nIn case you are interested, on 4th January 2007 I was quizzed.", None),
        ("Title\n\nAs of 30 January 2023, forecasters see a 28% probability.", datetime.date(2023, 1, 30)),
        # no space after the day's comma (jordantimes.com, 51voa.com): not 18 January of this year
        (
            "Scenarios for the day after Gaza ceasefire\n\nJan 18,2025 - Last updated at Jan 18,2025",
            datetime.date(2025, 1, 18),
        ),
        # a line that says it is the page's date, below the lead and links (nerc.com, khaleejtimes.com)
        (
            "Summary Assessment\n\nATLANTA – One.\n\nTwo.\n\nThree.\n\nFull Announcement | 2021 SRA Infographic"
            "\n\nPosted On: 05/26/2021",
            datetime.date(2021, 5, 26),
        ),
        (
            "UK economy to slow\n\nLONDON - One.\n\nBy (Reuters)\n\nFollow us\n\nPublished: Wed 23 Apr 2008, 8:27 PM"
            "\n\nLast updated: Sun 5 Apr 2015, 11:43 AM",
            datetime.date(2008, 4, 23),
        ),
        # ... but not a sentence that starts with such a word
        (
            "Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nPublished on 3 March 2022 by the bank, the report says more.",
            None,
        ),
    ],
)
def test_publication_date_from_the_header(header, date):
    assert extract_metadata(header).published_on == date


def test_empty_file_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"  \n\n")
    with pytest.raises(IngestionError, match="empty"):
        read_article_file(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(IngestionError, match="no such file"):
        read_article_file(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00", b"abc\x00def" * 10]
)
def test_binary_file_is_refused(data):
    with pytest.raises(IngestionError, match="binary"):
        read_article_bytes(data)


def test_file_over_the_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Prices will rise. " * 1000)
    with pytest.raises(IngestionError, match="too large"):
        read_article_file(path, max_bytes=10_000)


def test_text_that_is_not_utf8_is_refused():
    with pytest.raises(IngestionError, match="not UTF-8"):
        read_article_bytes("Caf\u00e9 prices will rise in 2024.".encode("latin-1"))


def test_utf8_byte_order_mark_is_dropped():
    article = read_article_bytes("\ufeffTitle\n\nPrices will rise in 2024.".encode())
    assert article.text.startswith("Title")


HTML = """<!doctype html>
<html><head><title>Site | Trade outlook</title>
<meta property="og:title" content="Trade outlook for 2024">
<meta name="author" content="Jane Roe">
<meta property="og:site_name" content="The Review">
<meta property="article:published_time" content="2024-01-15T08:00:00Z">
<script>document.write("Exports will certainly triple in 2024.")</script>
<style>p { color: red } /* will likely */</style>
</head><body>
<nav>Home | Markets will likely open</nav>
<article><h1>Trade outlook for 2024</h1>
<p>Exports will likely rise in 2024,&nbsp;helped by&nbsp;a weaker currency.</p>
<figure><img src="x.jpg"><figcaption>Port of Busan. Photo: Reuters</figcaption></figure>
<p>Imports <em>may</em> fall next year.</p>
<script>alert("will surely run")</script>
</article></body></html>"""


def test_html_is_reduced_to_visible_text_without_scripts_or_styles():
    article = read_article_bytes(HTML.encode(), filename="outlook.html")
    assert article.was_html
    assert "document.write" not in article.text
    assert "alert" not in article.text
    assert "color: red" not in article.text
    assert "Markets will likely open" not in article.text
    assert "Photo: Reuters" not in article.text
    assert "Exports will likely rise in 2024,\u00a0helped by\u00a0a weaker currency." in article.text
    assert "Imports may fall next year." in article.text


def test_html_metadata_comes_from_meta_tags():
    metadata = read_article_text(HTML).metadata
    assert metadata.title == "Trade outlook for 2024"
    assert metadata.author == "Jane Roe"
    assert metadata.publication == "The Review"
    assert metadata.published_on == datetime.date(2024, 1, 15)


def test_candidates_from_html_quote_the_visible_text():
    article = read_article_text(HTML)
    quotes = [c.quote for c in extract_candidates(article.text, published_on=datetime.date(2024, 1, 15))]
    assert quotes == [
        "Exports will likely rise in 2024,\u00a0helped by\u00a0a weaker currency.",
        "Imports may fall next year.",
    ]


@pytest.mark.parametrize("value", ["2023-13-45", "next Tuesdayish", ""])
def test_unreadable_date_is_a_clear_error(value):
    with pytest.raises(IngestionError, match="Cannot read the date"):
        parse_date(value)


def test_readable_dates():
    assert parse_date("2023-01-01") == datetime.date(2023, 1, 1)
    assert parse_date("1 January 2023") == datetime.date(2023, 1, 1)


# --- the date in an article's URL ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://thejournal.com/articles/2023/10/12/80-of-enterprises-will-deploy-ai-apps.aspx", "2023-10-12"),
        ("https://sacoronavirus.co.za/2021/07/09/remarks-by-acting-minister-of-health/", "2021-07-09"),
        ("https://pewresearch.org/religion/2017/04/05/the-changing-global-religious-", "2017-04-05"),
        ("https://boereport.com/2025/06/13/goldman-sachs-oil-forecast/", "2025-06-13"),
        ("https://shanemcd.org/2022/06/01/mcdonald-nhl-power-ratings-playoff-report-june-1-2022", "2022-06-01"),
        ("https://example.com/news/2019-03-04-rates-held", "2019-03-04"),
        ("https://news.trust.org/item/20140908124431-enms8", "2014-09-08"),  # a wire's item stamp
        # a day in words within the slug, month or day first
        ("https://tradingandmeditating.com/july-28-2024-observations/", "2024-07-28"),
        ("https://fukay.com.br/musings/brazil-week-of-17-june-2024", "2024-06-17"),
        # year and month-day as two segments, a year-month-day segment, a day before a page's code
        (
            "https://www.csmonitor.com/World/Security-Watch/Backchannels/2014/0127/Predicting-the-coups-of-2014",
            "2014-01-27",
        ),
        ("https://twocircles.net/2011feb03/iran_nuclear_weapon_two_years_away_says_think_tank.html", "2011-02-03"),
        ("http://www.watoday.com.au/world/european-union-predicts-migrants-20151105-gks6f6.html", "2015-11-05"),
        # a numbered day as a segment; a year segment, then the page named by its short day
        ("https://www3.nhk.or.jp/nhkworld/en/news/20240606_01/", "2024-06-06"),
        ("http://moviecitynews.com/archived/columnists/poland/2007/070426.html", "2007-04-26"),
    ],
)
def test_date_from_url_reads_a_day_in_the_path(url, expected):
    assert date_from_url(url) == datetime.date.fromisoformat(expected)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://shamaniceconomist.blogspot.com/2010/04/oil-prices-creeping-up.html",  # a month is not a day
        "https://www.businessinsider.com/housing-market-crash-credit-suisse-2023-5",
        "https://example.com/2023/02/30/leap-or-not/",  # no such day
        "https://example.com/2099/01/01/far-ahead/",  # not published yet
        "https://example.com/2019/03/04/revised-2019-03-05",  # two days: which one?
        "https://example.com/read/607394/1234/05/06/",  # an id, not a year
        "https://example.com/story?date=2019-03-04",  # the query is not the path
        "https://example.com/article/20140908-rates",  # eight digits alone may be an id
        "https://example.com/item/20140908994431",  # no time of day after the day: an id
        "https://example.com/2019/1399/story/",  # no such month: an id after the year
        "https://example.com/news/story-20140908-rates.html",  # eight digits before a word, not a page code
        "https://example.com/2015/03/06/forecast-update-7-march-2015/",  # two days, in figures and in words
        "https://example.com/preview-feb-30-2020",  # no such day in words either
        "https://example.com/photos/20240606_01.jpg",  # a numbered day names a file, not a page's segment
        "https://example.com/archive/2007/080426.html",  # six digits not led by the year's own: an id
        "https://example.com/archive/2007/071345.html",  # no such month or day
        # a day without its century, month and day in either order (7 June or 6 July): ask
        "https://yardeniquicktakes.com/dr-eds-video-webcast-7-6-23",
    ],
)
def test_date_from_url_gives_none_without_one_certain_day(url):
    assert date_from_url(url) is None


def test_date_from_url_counts_the_future_from_today():
    url = "https://example.com/2024/05/02/story/"
    assert date_from_url(url, today=datetime.date(2024, 5, 1)) is None
    assert date_from_url(url, today=datetime.date(2024, 5, 2)) == datetime.date(2024, 5, 2)


def test_the_urls_date_comes_after_the_html_tags_and_the_text():
    url = "https://example.com/2020/01/02/story/"
    undated, dated = "Rates will rise\n\nBy Jane Reporter", "Rates will rise\n\n5 March 2021\n\nBy Jane Reporter"
    assert stated_metadata(undated, None, url).published_on == datetime.date(2020, 1, 2)
    assert stated_metadata(dated, None, url).published_on == datetime.date(2021, 3, 5)
    tagged = ArticleMetadata(published_on=datetime.date(2022, 7, 8))
    assert stated_metadata(undated, tagged, url).published_on == datetime.date(2022, 7, 8)
    assert stated_metadata(undated).published_on is None

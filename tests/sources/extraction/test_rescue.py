"""What a rescued sentence would be: units, features, the pure-Python score and the relaxed gates."""

import math
from datetime import date

import pytest

from sources import scales
from sources.extraction import rescue
from sources.extraction.flags import DEADLINE_CONTEXT, DEADLINE_DEFAULT, DEADLINE_STATED
from sources.extraction.rows import stacked_tables
from sources.extraction.text import to_plain

SCALE = scales.get_scale(scales.DEFAULT_SCALE)
PUBLISHED = date(2030, 6, 1)


def test_every_sentence_is_a_unit_headings_and_items_included_without_their_bullet():
    plain = to_plain("Outlook for 2031\n\nPrices will likely rise in 2031.\n\n- Rates will probably fall. Sales rose.")
    assert [plain[s:e] for s, e in rescue.units(plain)] == [
        "Outlook for 2031",
        "Prices will likely rise in 2031.",
        "Rates will probably fall.",
        "Sales rose.",
    ]
    heading, prices, rates, sales = (b for _, _, b in rescue.unit_blocks(plain))
    assert heading < prices < rates == sales


def test_features_carry_the_rules_markers_and_have_unit_length():
    plain = "Prices will likely rise in 2031. Did sales rise 5%?"
    forecast = rescue.features(plain, 0, 32)
    question = rescue.features(plain, 33, len(plain))
    assert {"rule:marker", "rule:kind:will_adverb", "rule:band:likely", "rule:year", "w:<year>"} <= set(forecast)
    assert "rule:marker" not in question
    assert {"rule:question", "rule:percent", "w:<num>"} <= set(question)
    for found in (forecast, question):
        assert math.sqrt(sum(v * v for v in found.values())) == pytest.approx(1.0)


def test_score_is_the_logistic_of_the_intercept_plus_the_coefficients_present():
    model = {"intercept": -1.0, "threshold": 0.5, "coefficients": {"a": 2.0, "b": 4.0}}
    assert rescue.score({"a": 0.5, "c": 9.0}, model) == pytest.approx(0.5)
    assert rescue.score({"a": 0.5, "b": 1.0}, model) == pytest.approx(1 / (1 + math.exp(-4.0)))
    assert rescue.score({}, {**model, "intercept": -1000.0}) == 0.0


def rescued(text: str, index: int = -1):
    plain = to_plain(text)
    spans = rescue.units(plain)
    start, end = spans[index]
    before = spans[:index][-2:] if index else []
    return rescue.rescued_candidate(text, plain, (start, end), before, PUBLISHED, SCALE, confidence=0.4)


@pytest.mark.parametrize(
    ("sentence", "probability", "category"),
    [
        # a stated number wins over the words around it
        ("There is a 30% chance rates will fall in 2031.", 0.3, scales.UNLIKELY),
        ("Rates could fall in 2031.", None, None),
        ("Rates will fall in 2031.", 0.97, scales.ALMOST_CERTAIN),
        ("Rates will not fall in 2031.", 0.03, scales.REMOTE),
        # a projection around the "will" makes it a lean
        ("The company predicts sales will rise in 2031.", 0.675, scales.LIKELY),
        # a verbless figure line and a plain statement of a number to come: likely, as the corpus reads them
        ("2031: +12%, based on the recovery.", 0.675, scales.LIKELY),
        ("Revenue grows to $5 billion in fiscal 2031.", 0.675, scales.LIKELY),
    ],
)
def test_a_rescued_sentence_gets_the_band_its_words_give(sentence, probability, category):
    found = rescued(sentence)
    assert found.probability == probability
    assert found.category == category
    assert found.deadline == date(2031, 12, 31) and found.deadline_flag == DEADLINE_STATED


@pytest.mark.parametrize(
    ("sentence", "probability", "category"),
    [
        # a hedge inside what is predicted outranks the frame around it, as the rules choose
        ("Most forecasts suggest unemployment may rise in 2031.", None, None),
        # a quoted phrase in prose is no headline: the "may" says how likely it is
        (
            "\u201cIf he says, \u2018We decided to cut,\u2019 I think the market may have a response,\u201d he said.",
            None,
            None,
        ),
        # the belief nearest the "will" frames it, and a denied belief denies it
        ("I think they'd have to hike, and I don't think they are going to do that in 2031.", 0.325, scales.UNLIKELY),
        # what someone "can expect" is what they should expect, not a possibility
        (
            "Americans looking to buy a house next year can expect less competition, more homes to choose from and "
            "the highest average mortgage rates in nearly two decades.",
            0.675,
            scales.LIKELY,
        ),
        (
            "House price corrections can be expected in 2023 as long as interest rates remain high and consumer demand "
            "remains sluggish.",
            0.675,
            scales.LIKELY,
        ),
        ("Based upon current global and OECD inventories, we can even see sub 50 levels by mid CY26.", None, None),
        # the top of a range of figures after a dash is a level, not a stated chance
        ("Expected unemployment range:\n\n4.2% \u2013 4.7%", 0.675, scales.LIKELY),
    ],
)
def test_a_rescued_sentence_reads_its_markers_as_the_rules_do(sentence, probability, category):
    found = rescued(sentence)
    assert (found.probability, found.category) == (probability, category)


def test_a_rescued_sentence_takes_its_deadline_from_a_dated_sentence_before_it_or_the_default():
    from_before = rescued("Growth slows in 2032. Profits grow.")
    assert (from_before.deadline, from_before.deadline_flag) == (date(2032, 12, 31), DEADLINE_CONTEXT)
    assert "previous sentence" in from_before.note
    undated = rescued("Profits grow.")
    assert (undated.deadline, undated.deadline_flag) == (date(2030, 12, 31), DEADLINE_DEFAULT)
    assert "the text gives no time: the deadline is a default, set it" in undated.warnings


def test_a_rescued_sentence_is_drafted_and_says_the_model_proposed_it():
    found = rescued("Rates will not fall in 2031.")
    assert found.claim == "Rates will fall in 2031 (by 2031-12-31)"
    assert found.criteria.startswith("Resolves yes if, on or before 2031-12-31")
    assert found.warnings[0] == rescue.RESCUED_WARNING
    assert rescue.RESCUED_WARNING in found.note


TEXT = "Prices will likely rise in 2031.\n\nWho will win in 2031?\n\nStrong revenue growth in 2031.\n\nSales rose."


def test_with_rescued_adds_untouched_sentences_at_or_above_the_threshold_never_a_question():
    from sources.extraction import extract_candidates

    plain = to_plain(TEXT)
    rules = extract_candidates(TEXT, published_on=PUBLISHED)
    assert [c.quote for c in rules] == ["Prices will likely rise in 2031."]
    # the rule's own sentence and the question score high but are never rescued
    found = rescue.with_rescued(TEXT, plain, rules, PUBLISHED, SCALE, scores=[0.99, 0.99, 0.7, 0.69], threshold=0.7)
    assert [c.quote for c in found] == ["Prices will likely rise in 2031.", "Strong revenue growth in 2031."]
    assert found[1].confidence == 0.35
    assert rescue.with_rescued(TEXT, plain, rules, PUBLISHED, SCALE, scores=[0, 0, 0.5, 0.5], threshold=0.7) == rules


def test_a_line_of_a_few_words_with_no_figure_is_never_rescued():
    # holdout-25's seat forecast, one short line a party: each line alone says nothing checkable
    text = "Greens.\n\nHolding steady.\n\nSeat loss probable.\n\nUKIP 1 3 6 3"
    plain = to_plain(text)
    found = rescue.with_rescued(text, plain, [], PUBLISHED, SCALE, scores=[0.9, 0.9, 0.9, 0.9], threshold=0.4)
    assert [c.quote for c in found] == ["UKIP 1 3 6 3"]
    assert rescue.too_little("Holding steady.") and rescue.too_little("U.S.")
    assert not rescue.too_little("Seat gain almost certain.")


def test_with_rescued_scores_with_a_model_and_its_threshold():
    plain = to_plain(TEXT)
    model = {"intercept": -5.0, "threshold": 0.5, "coefficients": {"w:revenue": 200.0}}
    found = rescue.with_rescued(TEXT, plain, [], PUBLISHED, SCALE, model=model)
    assert [c.quote for c in found] == ["Strong revenue growth in 2031."]


def test_with_rescued_refuses_missing_or_mismatched_scores():
    plain = to_plain(TEXT)
    with pytest.raises(ValueError, match="scores or a model"):
        rescue.with_rescued(TEXT, plain, [], PUBLISHED, SCALE)
    with pytest.raises(ValueError, match="needs a threshold"):
        rescue.with_rescued(TEXT, plain, [], PUBLISHED, SCALE, scores=[0, 0, 0, 0])
    with pytest.raises(ValueError, match="3 scores for 4 units"):
        rescue.with_rescued(TEXT, plain, [], PUBLISHED, SCALE, scores=[0, 0, 0], threshold=0.5)


# --- the shipped model ------------------------------------------------------------------------

RETRAIN = (
    "rules or features changed: retrain with "
    "python -m benchmarks.sentence_classifier --train sources/extraction/rescue_weights.json"
)


def test_the_shipped_model_was_trained_on_the_features_the_rules_give_today():
    from benchmarks.sentence_classifier import sentence_features

    model = rescue.load_weights()
    assert model["threshold"] == 0.4
    assert model["sets"] and model["coefficients"]
    # the rules' markers are features: a changed rule changes what the model reads
    assert rescue.fingerprint(sentence_features(tuple(model["sets"]))) == model["features_fingerprint"], RETRAIN


def test_the_fingerprint_changes_with_any_feature_and_not_with_the_order():
    first, second = {"w:a": 0.5, "rule:marker": 0.5}, {"w:b": 1.0}
    assert rescue.fingerprint([first, second]) == rescue.fingerprint([second, first])
    assert rescue.fingerprint([first, second]) != rescue.fingerprint([{"w:a": 0.5}, second])


def test_the_shipped_model_is_read_once_and_only_when_a_rescue_is_asked_for(monkeypatch):
    from sources.extraction import extract_candidates

    def no_model(*args, **kwargs):
        raise AssertionError("the model was read without a rescue")

    monkeypatch.setattr(rescue, "load_weights", no_model)
    extract_candidates("Prices will likely rise in 2031.", published_on=PUBLISHED)
    monkeypatch.undo()
    rescue.load_weights()
    assert rescue.load_weights.cache_info().currsize >= 1
    assert rescue.load_weights() is rescue.load_weights()


def test_extract_candidates_with_rescue_adds_flagged_sentences_never_a_question_or_a_rule_candidate(monkeypatch):
    from sources.extraction import extract_candidates

    model = {"intercept": -10.0, "threshold": 0.6, "coefficients": {"w:exports": 100.0}}
    monkeypatch.setattr(rescue, "load_weights", lambda: model)
    text = (
        "Trade outlook\n\nExports will likely grow in 2031. Exports reach a record in 2032.\n\n"
        "Will exports reach a record in 2033?"
    )
    rules = extract_candidates(text, published_on=PUBLISHED)
    found = extract_candidates(text, published_on=PUBLISHED, rescue=True)
    assert [c.quote for c in rules] == ["Exports will likely grow in 2031."]
    assert [c.quote for c in found] == ["Exports will likely grow in 2031.", "Exports reach a record in 2032."]
    assert found[0] == rules[0]
    assert found[1].warnings[0] == rescue.RESCUED_WARNING
    assert found[1].deadline == date(2032, 12, 31)


def test_the_shipped_model_rescues_at_its_threshold():
    model = rescue.load_weights()
    plain = "Revenue grows to $5 billion in fiscal 2031, the company forecast."
    value = rescue.score(rescue.features(plain, 0, len(plain)), model)
    assert 0.0 < value < 1.0
    assert rescue.score(rescue.features("The", 0, 3), model) < model["threshold"]


def test_a_change_of_the_rules_markers_changes_the_fingerprint(monkeypatch):
    plain = "Prices will likely rise in 2031."
    before = rescue.fingerprint([rescue.features(plain, 0, len(plain))])
    monkeypatch.setattr(rescue, "find_markers", lambda *args: [])
    assert rescue.fingerprint([rescue.features(plain, 0, len(plain))]) != before


def test_the_fingerprint_names_its_algorithm():
    # a bare run of hex digits in the tracked weights file reads as a secret to the secret scan
    digest = rescue.fingerprint([{"w:a": 1.0}])
    assert digest.startswith("sha256:")
    assert len(digest) == len("sha256:") + 64


def test_a_rescued_list_item_without_words_of_its_own_takes_the_band_of_its_announcing_line():
    text = "Some industries may see layoffs in 2031:\n\n\u274c Retail chains\n\n\u274c Mining"
    plain = to_plain(text)
    found = rescue.with_rescued(text, plain, [], PUBLISHED, SCALE, scores=[0.0, 0.9, 0.9], threshold=0.6)
    assert [(c.quote, c.probability, c.estimative_phrase) for c in found] == [
        ("\u274c Retail chains", None, "may"),
        ("\u274c Mining", None, "may"),
    ]
    # a sentence of prose between ends the list: the line is read on its own
    text = "Some industries may see layoffs in 2031:\n\nSales fell.\n\n\u274c Retail chains and department stores"
    plain = to_plain(text)
    (item,) = rescue.with_rescued(text, plain, [], PUBLISHED, SCALE, scores=[0.0, 0.0, 0.9], threshold=0.6)
    assert item.probability == SCALE.probability(scales.LIKELY)
    # ... and a line that short on its own says too little to be proposed
    text = "Some industries may see layoffs in 2031:\n\nSales fell.\n\n\u274c Retail chains"
    plain = to_plain(text)
    assert rescue.with_rescued(text, plain, [], PUBLISHED, SCALE, scores=[0.0, 0.0, 0.9], threshold=0.6) == []


# A web table copied one cell a line, as stored (a model's season projections)
TABLE = (
    "Here's a look at the odds for every team to make the playoffs, win their conference and win the title.\n\n"
    "Teams\n\nProjected wins\n\nMake playoffs\n\nWin Western Conference\n\nWin NBA title\n\n"
    "Golden State Warriors\n\n64.9\n\n100%\n\n69.16%\n\n56.3%\n\n"
    "Portland Trail Blazers\n\n52.4\n\n99.2%\n\n8.99%\n\n4.3%\n\n"
    "A few takeaways from these projections."
)


def test_a_rescued_table_cell_is_proposed_as_its_row_with_the_last_chance_column():
    plain = to_plain(TABLE)
    spans = rescue.units(plain)
    cells = {plain[s:e]: i for i, (s, e) in enumerate(spans)}
    scores = [0.0] * len(spans)
    for cell in ("64.9", "100%", "56.3%", "8.99%"):
        scores[cells[cell]] = 0.9
    found = rescue.with_rescued(TABLE, plain, [], PUBLISHED, SCALE, scores=scores, threshold=0.6)
    # each row once, however many of its cells score high
    assert [(" ".join(c.quote.split()), c.probability, c.estimative_phrase) for c in found] == [
        ("Golden State Warriors 64.9 100% 69.16% 56.3%", 0.563, "Win NBA title"),
        ("Portland Trail Blazers 52.4 99.2% 8.99% 4.3%", 0.043, "Win NBA title"),
    ]
    assert found[1].category == scales.REMOTE


def test_a_table_of_levels_gives_its_rows_no_stated_chance_and_a_header_cell_is_no_row():
    text = TABLE.replace("Here's a look at the odds for every team to", "Every team's season: will they")
    plain = to_plain(text)
    tables = stacked_tables(plain)
    cells = {plain[s:e]: (s, e) for s, e in rescue.units(plain)}
    start, end, chance, column = rescue.table_row(plain, tables, *cells["69.16%"])
    assert (" ".join(plain[start:end].split()), chance, column) == (
        "Golden State Warriors 64.9 100% 69.16% 56.3%",
        None,
        "",
    )
    assert rescue.table_row(plain, tables, *cells["Make playoffs"]) is None
    assert rescue.table_row(plain, tables, *rescue.units(plain)[0]) is None


@pytest.mark.parametrize(
    ("sentence", "probability", "category"),
    [
        # what is doubted or not to be expected is unlikely, unless there is "no doubt"
        ("I doubt it goes below $50.", 0.325, scales.UNLIKELY),
        ("But don't expect a crash, Farris says.", 0.325, scales.UNLIKELY),
        # the answer to a question of what will happen (holdout-9, holdout-26)
        ("On paper, I don't think so.", 0.325, scales.UNLIKELY),
        (
            "There's no doubt that we will have, and we've already had, a number of cases that are imported cases.",
            0.97,
            scales.ALMOST_CERTAIN,
        ),
        # "not going to" is a "won't"; "we're going to" a "will"
        ("It’s not going to be NASA that send very many non-astronauts to Mars.", 0.03, scales.REMOTE),
        ("“So we’re going to continue to be on the road to recovery.”", 0.97, scales.ALMOST_CERTAIN),
        # "nor will" is a "won't" (holdout-29), and so is a denied progressive (holdout-28)
        (
            "Nor will COVID magically disappear with a vaccine that doesn’t really cure the disease.",
            0.03,
            scales.REMOTE,
        ),
        (
            "At 7-9, Atlanta's not catching Seattle or New Orleans, the two NFC teams with 8 or more wins.",
            0.03,
            scales.REMOTE,
        ),
        # what is possible carries no probability
        (
            "Gold and silver prices are forming outside reversals as I write, and an interim top is possible.",
            None,
            None,
        ),
        # ... but "as you can see" points at a figure, and "May" with a capital is the month (holdout-31, holdout-29)
        ("As you can see, the most common result puts Labour short of a majority.", 0.675, scales.LIKELY),
        (
            "The Ruby project in Trinidad and Tobago is progressing ahead of schedule and on budget, "
            "with first production on track for May 2021,' the company said.",
            0.675,
            scales.LIKELY,
        ),
        # a "will" said with "probably" is a lean (holdout-20, interview-wajr-flu-season-2022)
        (
            "\u201d I would err on the side of we\u2019ll probably see more activity than we\u2019ve seen "
            "in the last few years",
            0.675,
            scales.LIKELY,
        ),
        # a label and a percentage is an outcome and its chance, unless the label names a level
        ("Interim solution: 20%", 0.2, scales.VERY_UNLIKELY),
        ("A more pro-Brexit withdrawal agreement probability - 2pc", 0.02, scales.REMOTE),
        ("Music (incl. app) rev. growth: 30%", 0.675, scales.LIKELY),
        # a table's row that goes on after its first share gives its chance first, numbered or not (holdout-40)
        ("FL: 80%, 20%, 29", 0.8, scales.LIKELY),
        ("15: UT: 6%, 94%, 6", 0.06, scales.VERY_UNLIKELY),
        # a share in brackets after its outcome, where the text speaks of chances (holdout-34), not a level
        (
            "These are the model's odds. The Model clearly believes in Tom Brady steam rolling their way to the "
            "Super Bowl (56.1%) in their quest.",
            0.561,
            scales.LIKELY,
        ),
        (
            "The forecast for Vietnam is higher than those of Oxford Economics (6.5%) and the IMF (6.1%).",
            0.675,
            scales.LIKELY,
        ),
        # chances the markers miss: a share of the time, a split of a hundred, a line of chance opening the unit
        (
            "I\u2019m always a little worried that these are off especially when the over/under of 276.5 if favored "
            "and my numbers say that only happens around 28% of the time.",
            0.28,
            scales.UNLIKELY,
        ),
        (
            "Although Tampa Bay hasn\u2019t beat the Rangers in their three meetings this year, we\u2019re giving the "
            "Lightning the edge in the series, 54.4% to 45.6%.",
            0.544,
            scales.EVEN,
        ),
        (
            "Chances 93%\nRussia makes a limited invasion of East Ukraine under peacekeeping justifications.",
            0.93,
            scales.VERY_LIKELY,
        ),
        (
            "Plausibility: 0.1\nThe price of oil drops rapidly to US$ 10.00 due to shrinking demand",
            0.1,
            scales.VERY_UNLIKELY,
        ),
        # what is hard to imagine is very unlikely, unless it is anything other than it; a prediction called nonsense
        (
            "With unemployment still going up, it is hard to imagine much of a recovery this year which is why they "
            "lowered their growth forecasts for 2010 and 2011.",
            0.125,
            scales.VERY_UNLIKELY,
        ),
        (
            "At the moment, it\u2019s hard to project anything other than a \u201csoft\u201d recession, with EPS "
            "dropping -10% from 2024 values.",
            0.97,
            scales.ALMOST_CERTAIN,
        ),
        (
            "Recent predictions of 10% home price falls over 2023 based on forecasts of sharp increases in official "
            "interest rates are clearly non-sensical.",
            0.03,
            scales.REMOTE,
        ),
        # what is no longer unthinkable is possible, unscored
        ("A crisis short of invasion in the Taiwan Strait is no longer unthinkable in 2023", None, None),
        # a progressive set in a coming period is scheduled
        ("Next year, the container capacity being added is dropping to 5%.", 0.97, scales.ALMOST_CERTAIN),
        # figures that do not make a hundred are levels: "from 3.2% to 3.16%"
        ("The expected GDP shrinkage moved from 3.2% to 3.16% for this year.", 0.675, scales.LIKELY),
        # a list item's label weighed in brackets before its story
        ("- Signed + flow resumes (40%): Trump and Tehran both sign the 60-day MoU.", 0.4, scales.UNLIKELY),
        # ... but not a level in brackets
        ("- Unemployment rate (4.2%): joblessness edges up next year.", 0.675, scales.LIKELY),
    ],
)
def test_a_rescued_sentence_without_markers_reads_doubts_denials_possibilities_and_labelled_chances(
    sentence, probability, category
):
    found = rescued(sentence)
    assert found.probability == probability
    assert found.category == category


JOBS_2026 = (
    "Tuesday, December 2, 2025\n\n"
    "Unemployment Rate Forecast 2026: What to Expect in the Job Market Next Year\n\n"
    "3. Sectors Expected to Grow in 2026\n\n"
    "Some industries will outperform the rest:\n\n"
    "Healthcare\n\n"
    "Strong demand due to aging populations."
)


def test_a_rescued_sentence_with_no_date_of_its_own_takes_the_year_of_the_heading_above_it():
    plain = to_plain(JOBS_2026)
    scores = [0.0] * (len(rescue.units(plain)) - 1) + [1.0]
    (found,) = rescue.with_rescued(JOBS_2026, plain, [], date(2025, 12, 2), SCALE, scores=scores, threshold=0.6)
    assert found.quote == "Strong demand due to aging populations."
    assert found.deadline == date(2026, 12, 31) and found.deadline_flag == DEADLINE_CONTEXT
    assert "heading above" in found.note


def test_the_dateline_or_a_past_year_in_a_heading_is_no_deadline():
    text = "Tuesday, December 2, 2025\n\nThe 2024 season in review\n\nStrong demand due to aging populations."
    plain = to_plain(text)
    (found,) = rescue.with_rescued(text, plain, [], date(2025, 12, 2), SCALE, scores=[0.0, 0.0, 1.0], threshold=0.6)
    assert found.deadline == date(2025, 12, 31) and found.deadline_flag == DEADLINE_DEFAULT


def test_a_unit_has_context_features_a_list_item_under_its_announcing_line_and_a_line_after_a_heading():
    text = (
        "Most forecasts suggest unemployment may increase modestly at the start of 2026 due to:\n\n"
        "  • Slower economic growth\n\n"
        "  • High interest rates from previous years\n\n"
        "Healthcare\n\n"
        "Strong demand due to aging populations. Hiring rises."
    )
    plain = to_plain(text)
    spans = rescue.unit_blocks(plain)
    assert [plain[s:e] for s, e, _ in spans][1] == "Slower economic growth"
    item, heading, first, second = (rescue.context_features(plain, spans, i) for i in (1, 3, 4, 5))
    assert {"ctx:item", "ctx:not_prose", "ctx:announced", "ctx:announced:marker"} <= item
    assert "ctx:item" not in heading and "ctx:not_prose" in heading
    assert first == {"ctx:after_heading"}
    assert second == {"ctx:not_first"}
    found = rescue.unit_features(plain)
    assert found[1]["ctx:item"] == rescue.CONTEXT_WEIGHT
    # a unit's own features keep unit length beside its context
    own = {k: v for k, v in found[4].items() if not k.startswith("ctx:")}
    assert own == rescue.features(plain, *spans[4][:2])


def test_a_sentence_dated_last_year_is_never_rescued():
    # holdout-38, wire-koreaherald-bok-growth-forecast-2018
    text = (
        "In July last year, the government decided to raise the minimum wage by 16 percent to 7,530 won ($6.60) "
        "for this year, marking the biggest jump in about two decades."
    )
    plain = to_plain(text)
    assert not rescue.rescuable(plain, 0, len(plain), PUBLISHED)
    found = rescue.with_rescued(text, plain, [], date(2018, 1, 18), SCALE, scores=[0.99], threshold=0.7)
    assert found == []


@pytest.mark.parametrize(
    "text",
    [
        # tune, op-ed-mcclatchy-predictions-2011
        "In 2008, I said the Dow Jones Industrial Average would hit 15,000.",
        # holdout-41, outlook-emarketer-retailers-holiday-guidance-2025
        "We expected holiday sales to grow 4.3% last year.",
    ],
)
def test_the_writers_own_forecast_told_as_made_before_is_never_rescued(text):
    plain = to_plain(text)
    assert not rescue.rescuable(plain, 0, len(plain), PUBLISHED)
    assert rescue.with_rescued(text, plain, [], date(2025, 1, 10), SCALE, scores=[0.99], threshold=0.7) == []


def test_a_sentence_opening_on_previously_is_never_rescued():
    # holdout-3, outlook-nasdaq-pg-fy24-2024
    text = "Previously, earnings per share were expected to be between a decline of 1 percent and flat."
    plain = to_plain(text)
    assert not rescue.rescuable(plain, 0, len(plain), PUBLISHED)
    # what is forecast now beside an earlier figure is still a sentence to read
    plain = to_plain("Earnings per share are expected to rise 3 percent, above what was previously expected.")
    assert rescue.rescuable(plain, 0, len(plain), PUBLISHED)


@pytest.mark.parametrize("line", ["6 May 2010", "11:22", "2018-07-12 12:02:10.0", "May 5, 2025 3:30"])
def test_a_date_or_time_stamp_alone_says_too_little(line):
    assert rescue.too_little(line)


@pytest.mark.parametrize("line", ["49", "$95.00", "May 2025: 3%", "Target: 5,805.00", "4.2% \u2013 4.7%"])
def test_a_figure_alone_is_no_stamp(line):
    assert not rescue.too_little(line)


def test_an_outcome_reported_as_the_one_expected_is_never_rescued():
    # holdout-21
    plain = to_plain("The MPC voted unanimously to raise the policy rate by 0.25% from 1% to 1.25% as expected.")
    assert not rescue.rescuable(plain, 0, len(plain), PUBLISHED)
    # with a modal of its own, what is foreseen is still to come
    plain = to_plain("The Senate, too, will be roughly as forecast.")
    assert rescue.rescuable(plain, 0, len(plain), PUBLISHED)


@pytest.mark.parametrize(
    "text, published_on",
    [
        # holdout-30: a change in the past tense with its figure
        ("International tourism arrivals rose by 4 percent in 2019 to 1.5 billion.", date(2020, 1, 20)),
        # holdout-4
        ("Sales from rental services grew 5.9% to $1.93 billion.", date(2024, 9, 25)),
        # holdout-29: a line dated before the day it was written
        ("The company produced more than 40,000 tonnes of copper during the first half of the year.", date(2014, 8, 1)),
    ],
)
def test_a_figure_of_the_past_is_never_rescued(text, published_on):
    plain = to_plain(text)
    assert rescue.told_as_past(plain, 0, len(plain), published_on)
    assert rescue.with_rescued(text, plain, [], published_on, SCALE, scores=[0.99], threshold=0.7) == []


@pytest.mark.parametrize(
    "text",
    [
        # a word of a forecast: holdout-35
        "In just three months, the median forecast for this year has surged from $2,756 to $3,065.",
        # a belief: holdout-35
        "We believe that interest rates have peaked at 5.25 per cent.",
        # a modal
        "Prices rose 5% and will rise again next year.",
        # dated ahead: holdout-24
        "Growth in China is a major factor in the increased deliveries over the next 20 years.",
        # the recent past a forecast stands on: holdout-41
        "2.5% Inflation: The last 6 monthly inflation numbers have averaged just over .2%.",
    ],
)
def test_a_figure_with_a_forecast_or_a_date_ahead_is_no_report_of_the_past(text):
    plain = to_plain(text)
    assert not rescue.told_as_past(plain, 0, len(plain), date(2025, 6, 1))


@pytest.mark.parametrize(
    "text",
    [
        # holdout-46
        "Brent crude is currently trading at around $66 per barrel.",
        # holdout-5
        "China and India currently account for about 37 percent of the entire global population.",
    ],
)
def test_a_figure_of_the_present_is_never_rescued(text):
    plain = to_plain(text)
    assert rescue.told_as_present(plain, 0, len(plain))
    assert rescue.with_rescued(text, plain, [], PUBLISHED, SCALE, scores=[0.99], threshold=0.7) == []


def test_a_figure_of_the_present_with_a_chance_may_be_rescued():
    # holdout-7
    text = "Memphis is currently trading as the 5-seed and has an 88.9 percent chance to make the playoffs."
    plain = to_plain(text)
    assert not rescue.told_as_present(plain, 0, len(plain))


@pytest.mark.parametrize(
    "text",
    [
        # holdout-8
        "Scenario 1 assumes the US hits China with 30% blanket tariffs.",
        # holdout-27
        "Our base case scenario is based on the average annual wind and solar capacity growth rates.",
        # holdout-44, a line of a table of scenarios
        "Assumes continued surge in Dunedin and increased demand in regional markets.",
    ],
)
def test_what_a_scenario_rests_on_is_never_rescued(text):
    plain = to_plain(text)
    assert not rescue.rescuable(plain, 0, len(plain), PUBLISHED)
    assert rescue.with_rescued(text, plain, [], date(2024, 6, 1), SCALE, scores=[0.99], threshold=0.7) == []


def test_a_view_assumed_in_the_plural_or_a_models_runs_may_be_rescued():
    for text in [
        "All three institutes assume that the economy will return to growth in 2024.",
        "I ran 250 million season simulations, and they didn't make the playoffs in any of them.",
    ]:
        plain = to_plain(text)
        assert rescue.rescuable(plain, 0, len(plain), PUBLISHED)

"""One forecast clause to a candidate: the belief around a "will", a projection's "would"."""

from datetime import date

from sources.extraction import extract_candidates

PUBLISHED = date(2006, 5, 1)


def test_a_belief_around_a_will_hedges_it_and_a_denied_one_turns_it_down():
    (believed,) = extract_candidates("I think prices will be flat in 2009.", published_on=PUBLISHED)
    assert believed.probability == 0.675
    (denied,) = extract_candidates("I don't think prices will be flat in 2009.", published_on=PUBLISHED)
    assert denied.probability == 0.325


def test_a_will_inside_a_reported_projection_is_likely():
    text = "CBO projects the budget deficit will total $1.5 trillion in 2024."
    (projected,) = extract_candidates(text, published_on=date(2024, 6, 18))
    assert projected.probability == 0.675
    (plain_will,) = extract_candidates("The average miles driven will decrease by 15 per cent.", published_on=PUBLISHED)
    assert plain_will.probability == 0.97


def test_a_would_outside_talk_of_projections_is_a_hypothetical():
    assert extract_candidates("That would be a disaster for everyone.", published_on=PUBLISHED) == []

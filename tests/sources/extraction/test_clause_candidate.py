"""One forecast clause to a candidate: the belief around a "will", a projection's "would"."""

from datetime import date

from sources.extraction import extract_candidates

PUBLISHED = date(2006, 5, 1)


def test_a_belief_around_a_will_hedges_it_and_a_denied_one_turns_it_down():
    (believed,) = extract_candidates("I think prices will be flat in 2009.", published_on=PUBLISHED)
    assert believed.probability == 0.675
    (denied,) = extract_candidates("I don't think prices will be flat in 2009.", published_on=PUBLISHED)
    assert denied.probability == 0.325


def test_a_would_outside_talk_of_projections_is_a_hypothetical():
    assert extract_candidates("That would be a disaster for everyone.", published_on=PUBLISHED) == []

import datetime

import factory
from django.contrib.auth import get_user_model
from django.test import override_settings

from forecasts.models import Event, Forecast, ProbabilityBasis, Status, Tag
from sources.models import Author, Publication, Source, content_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery staple")


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class PublicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Publication

    name = factory.Sequence(lambda n: f"Publication {n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    title = factory.Sequence(lambda n: f"Article {n}")
    url = factory.Sequence(lambda n: f"https://example.org/articles/{n}")
    publication = factory.SubFactory(PublicationFactory)
    published_on = datetime.date(2023, 1, 1)
    text = factory.Sequence(lambda n: f"Article text number {n}. Trade will likely grow in 2023.")
    content_hash = factory.LazyAttribute(lambda s: content_hash(s.text))


class TagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tag
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"tag-{n}")


class ForecastFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forecast

    source = factory.SubFactory(SourceFactory)
    author = factory.SubFactory(AuthorFactory)
    quote = "Trade will likely grow."
    claim = factory.Sequence(lambda n: f"Claim number {n} comes true by the deadline")
    estimative_phrase = "will likely"
    probability = 0.675
    probability_basis = ProbabilityBasis.PHRASE
    made_on = datetime.date(2023, 1, 1)
    deadline = datetime.date(2023, 12, 31)
    review_on = factory.LazyAttribute(lambda f: f.deadline)
    resolution_criteria = "Annual figure from the official statistics office."
    status = Status.OPEN


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event number {n} happens by the deadline")
    resolution_criteria = "Official statistics."
    deadline = datetime.date(2023, 12, 31)


def forecast_create_payload() -> dict:
    """A valid body for POST /api/forecasts/ (a new source and author each time)."""
    return {
        "source": SourceFactory().pk,
        "author": AuthorFactory().pk,
        "quote": "Exports will likely grow.",
        "claim": "Exports grow in 2024",
        "probability": 0.7,
        "probability_basis": "stated",
        "deadline": "2024-12-31",
        "resolution_criteria": "Annual trade statistics.",
    }


def without_history():
    """For rows built only to be read back: no audit rows, which cost more to write than the rows
    themselves and which the tests using this never read."""
    return override_settings(SIMPLE_HISTORY_ENABLED=False)

"""What a refused request must leave exactly as it was."""

from forecasts.models import Forecast, Tag
from sources.models import Author, Publication, Source


def database_state() -> dict:
    return {
        "forecasts": list(Forecast.objects.order_by("pk").values()),
        "forecast history": Forecast.history.count(),
        "tags": list(Tag.objects.order_by("pk").values()),
        "sources": list(Source.objects.order_by("pk").values()),
        "authors": list(Author.objects.order_by("pk").values()),
        "publications": list(Publication.objects.order_by("pk").values()),
    }

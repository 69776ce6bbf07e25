import argparse
import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from forecasts import importing, services
from sources import ingestion, scales


class Command(BaseCommand):
    help = (
        "Store an article (text or HTML file) and propose the forecasts in it for an editor to "
        "confirm. Title, author, publication and date are read from the text; options override them."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A UTF-8 text or HTML file.")
        parser.add_argument("--title")
        parser.add_argument("--url", default="")
        parser.add_argument(
            "--published",
            help="Publication date, YYYY-MM-DD; needed only to save a text that states none (nor does a day in "
            "the --url's path, /2023/10/12/, 2023-10-12, a stamp 20231012143000, /2023/1012/, /2023oct12/, "
            "-20231012-gks6f6.html, /20231012_01/, /2023/231012.html or october-12-2023) when a forecast "
            "uses a relative time ('next year', 'by June'). A dry run counts such deadlines from today.",
        )
        parser.add_argument("--author")
        parser.add_argument("--publication")
        parser.add_argument("--scale", choices=sorted(scales.SCALES), default=scales.DEFAULT_SCALE)
        parser.add_argument(
            "--rescue",
            action=argparse.BooleanOptionalAction,
            default=importing.RESCUE_BY_DEFAULT,
            help="Also propose sentences no rule finds that the sentence model scores as forecasts, "
            "each flagged for the editor to check (on by default; --no-rescue proposes only what the "
            "rules find).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Print the candidates; save nothing.")
        parser.add_argument("--format", choices=("text", "json"), default="text")

    def handle(
        self, *args, path, title, url, published, author, publication, scale, rescue, dry_run, format, **options
    ):
        try:
            article = ingestion.read_article_file(path)
            published_on = ingestion.parse_date(published) if published else None
        except ingestion.IngestionError as exc:
            raise CommandError(str(exc)) from None
        try:
            result = services.propose_forecasts_from_article(
                text=article.text,
                title=title or "",
                url=url,
                published_on=published_on,
                author_name=author or "",
                publication_name=publication or "",
                metadata=article.metadata,
                scale=scale,
                rescue=rescue,
                dry_run=dry_run,
            )
        except ValidationError as exc:
            raise CommandError(_message(exc)) from None
        rows = importing.candidate_rows(result)
        if format == "json":
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        self._print_text(result, rows, dry_run)

    def _print_text(self, result, rows, dry_run):
        meta = result.metadata
        published = (
            f"no publication date (deadlines counted from today, {meta.published_on})"
            if result.published_assumed
            else meta.published_on
        )
        self.stdout.write(f"{meta.title} — {meta.author}, {meta.publication or 'no publication'}, {published}")
        if dry_run:
            self.stdout.write(f"Dry run: {len(rows)} candidates, nothing saved.")
        elif result.created:
            self.stdout.write(f"Stored source {result.source.pk}; {len(rows)} forecasts proposed for review.")
        else:
            self.stdout.write(
                f"Already imported as source {result.source.pk} ({len(result.forecasts)} forecasts); nothing new saved."
            )
        for warning in result.warnings:
            self.stdout.write(f"Note: {warning}")
        for number, row in enumerate(rows, start=1):
            probability = "—" if row["probability"] is None else f"{row['probability']:.3g}"
            self.stdout.write(
                f"{number:>3}. [{row['estimative_phrase']}] p={probability} ({row['probability_basis']}) "
                f"deadline={row['deadline']} ({row['deadline_flag']}) confidence={row['confidence']}"
            )
            self.stdout.write(f"     quote: {row['quote']}")
            self.stdout.write(f"     claim: {row['claim']}")
            if row["forecaster"]:
                self.stdout.write(f"     forecaster: {row['forecaster']}")
            self.stdout.write(f"     criteria: {row['resolution_criteria']}")
            for warning in row["warnings"]:
                self.stdout.write(f"     check: {warning}")


# the option that supplies a field the text does not state
_OPTIONS = {"published_on": "--published", "author": "--author", "title": "--title", "scale": "--scale"}


def _message(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return " ".join(
            f"{field}: {' '.join(messages)}" + (f" (option {_OPTIONS[field]})" if field in _OPTIONS else "")
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)

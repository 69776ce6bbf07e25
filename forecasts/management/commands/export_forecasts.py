from django.core.management.base import BaseCommand

from forecasts import transfer


class Command(BaseCommand):
    help = "Write every forecast (the export field set) as JSON or CSV to standard output or a file."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=("json", "csv"), default="json")
        parser.add_argument("--output", "-o", help="File to write; standard output when omitted.")

    def handle(self, *args, format, output, **options):
        writer = transfer.write_json if format == "json" else transfer.write_csv
        if output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                count = writer(transfer.export_rows(), stream)
            self.stderr.write(f"Wrote {count} forecasts to {output}.")
        else:
            writer(transfer.export_rows(), _Unterminated(self.stdout))


class _Unterminated:
    """The command's stdout adds a newline to every write; the writers stream pieces of lines."""

    def __init__(self, wrapper):
        self.wrapper = wrapper

    def write(self, text: str) -> None:
        self.wrapper.write(text, ending="")

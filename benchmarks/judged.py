"""The issue's criterion, in one process: `python -m benchmarks.judged REPEAT` on a database that
import_forecasts has just filled. `scorecard --format json` against the numpy floor (at most
1.0x), and `scorecard --by author --format json` against it (at most 1.5x). Prints one JSON line.
"""

import io
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(repeat: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks import baselines
    from benchmarks.run import paired_ratio
    from forecasts.models import Forecast

    def command(*args):
        return lambda: call_command("scorecard", *args, stdout=io.StringIO())

    return {
        "rows": Forecast.objects.count(),
        "overall": paired_ratio(command("--format", "json"), baselines.floor_overall, repeat),
        "by_author": paired_ratio(command("--by", "author", "--format", "json"), baselines.floor_by_author, repeat),
    }


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]))))

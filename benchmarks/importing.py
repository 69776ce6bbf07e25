"""One import_forecasts run, in its own process: `python -m benchmarks.importing ROWS AUTHORS`.

Prints one JSON line: the peak memory of each step (reading, checking, writing; tracemalloc,
which also counts what the database driver allocates in Python) and the rows per second of the
real command, timed without tracemalloc. The database (DATABASE_URL) is emptied first and holds
the imported forecasts afterwards.
"""

import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(rows: int, authors: int) -> dict:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from benchmarks import synthetic
    from forecasts import services, transfer

    call_command("migrate", verbosity=0)
    path = ROOT / "var" / f"bench-import-{rows}.json"
    synthetic.write_export_file(path, rows, authors=authors)
    result = {"rows": rows, "file_mb": path.stat().st_size / 2**20}

    synthetic.truncate()
    tracemalloc.start()
    for step, run in (
        ("read", lambda: sum(1 for _ in transfer.read_rows(path))),
        ("check", lambda: transfer.check_rows(transfer.read_rows(path))),
        ("write", lambda: services.forecasts_import(rows=transfer.parsed_rows(transfer.read_rows(path)))),
    ):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        run()
        result[f"{step}_peak_mb"] = (tracemalloc.get_traced_memory()[1] - before) / 2**20
    tracemalloc.stop()

    synthetic.truncate()
    # The real command in a process of its own: its peak RSS is then its own, not tracemalloc's.
    start = time.perf_counter()
    subprocess.run(  # noqa: S603 - manage.py with a file we just wrote
        [sys.executable, str(ROOT / "manage.py"), "import_forecasts", str(path), "--create-reviewers"],
        check=True,
        capture_output=True,
    )
    result["command_seconds"] = time.perf_counter() - start
    result["rows_per_second"] = rows / result["command_seconds"]
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    synthetic.analyze()
    path.unlink()
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]), int(sys.argv[2]))))

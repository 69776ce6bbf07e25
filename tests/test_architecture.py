"""The services are the only writers: code outside them that saves, deletes, creates or updates
rows (a forecast, a reminder digest, a source, anything) fails this test, so a view, an admin
action, a task or a command cannot grow a write of its own beside the rules of the services."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Always a write, whatever the receiver.
WRITE_METHODS = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
# `.update(...)` is also a dict's and a set's method: counted as a write when called on a queryset
# chain (`X.objects...update`, `....filter(...).update`), which is how a write would be spelled.
QUERYSET_METHODS = {"update"}


def _is_queryset_chain(node: ast.expr) -> bool:
    while True:
        if isinstance(node, ast.Call):
            return True
        if isinstance(node, ast.Attribute):
            if node.attr == "objects":
                return True
            node = node.value
            continue
        return False


def _is_super(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "super"


def writes_in(source: str, *, is_models_module: bool = False) -> list[str]:
    """Each write call in `source`, as "line: call"."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if isinstance(receiver, ast.Name) and receiver.id == "cache":
            continue  # Django's cache (cache.delete of a cached page or lock) is not the database
        if method in WRITE_METHODS:
            # A model's own save()/delete() override handing on to Django's is the model, not a
            # second writer: the services call it.
            if is_models_module and _is_super(receiver):
                continue
        elif not (method in QUERYSET_METHODS and _is_queryset_chain(receiver)):
            continue
        found.append(f"{node.lineno}: {ast.unparse(node.func)}")
    return found


def _is_writer(path: Path) -> bool:
    relative = path.relative_to(ROOT)
    return (
        relative.parts[:2] == ("forecasts", "services")
        or relative == Path("sources/services.py")
        or "migrations" in relative.parts
    )


def application_modules():
    for package in ("forecasts", "sources"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if not _is_writer(path):
                yield path


def test_only_the_services_write():
    offenders = {
        str(path.relative_to(ROOT)): found
        for path in application_modules()
        if (found := writes_in(path.read_text(encoding="utf-8"), is_models_module=path.name == "models.py"))
    }
    assert offenders == {}, "Writes outside forecasts/services/ and sources/services.py; call a service instead."


@pytest.mark.parametrize(
    "snippet",
    [
        "forecast.save()",
        "forecast.save(update_fields=['status'])",
        "digest.delete()",
        "Forecast.objects.create(claim='x')",
        "Source.objects.get_or_create(url=u)",
        "Source.objects.update_or_create(url=u, defaults={})",
        "ReminderDigest.objects.bulk_create(rows)",
        "Forecast.objects.bulk_update(rows, ['status'])",
        "Forecast.objects.filter(pk=1).update(status='due')",
        "ReminderDigest.objects.pending().filter(pk=1).update(lease_owner='')",
        "Forecast.objects.update(status='due')",
    ],
)
def test_the_scan_finds_a_write(snippet):
    found = writes_in(f"def view(request):\n    {snippet}\n")
    assert len(found) == 1
    assert found[0].startswith("2: ")


@pytest.mark.parametrize(
    "snippet",
    ["labels.update({'a': 1})", "seen.update(ids)", "super().save(*args, **kwargs)", "cache.delete(key)"],
)
def test_the_scan_leaves_dicts_model_overrides_and_the_cache_alone(snippet):
    assert writes_in(f"def f(self):\n    {snippet}\n", is_models_module=True) == []


def test_the_scan_covers_the_interfaces():
    scanned = {str(path.relative_to(ROOT)) for path in application_modules()}
    assert {"forecasts/tasks.py", "forecasts/views.py", "forecasts/reminders.py", "forecasts/importing.py"} <= scanned
    assert not any(name.startswith("forecasts/services/") for name in scanned)

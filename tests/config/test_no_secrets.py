"""No secret in the repository: no .env or key file is tracked, .env is ignored, and detect-secrets
finds nothing in the tracked files beyond the reviewed examples in .secrets.baseline (the
documentation's example database URLs, the development-only key, the tests' throwaway passwords)."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from detect_secrets import SecretsCollection
from detect_secrets.core import baseline
from detect_secrets.filters import heuristic
from detect_secrets.settings import transient_settings

from .deployment import ROOT

SECRET_FILE_NAMES = re.compile(r"(^|/)(\.env(\..*)?|.*\.(pem|key|p12|pfx|keystore)|id_(rsa|dsa|ecdsa|ed25519))$")
ALLOWED_FILE_NAMES = {".env.example"}
BASELINE = ROOT / ".secrets.baseline"
# The full scan is split into this many tests so that the test workers share it.
SCAN_PARTS = 4

# detect-secrets' `is_indirect_reference` filter searches every line for
#   ([^\v=!:]*)\s*(:=?|[!=]{1,3})\s*([\w.-]+[\[\(][^\v]*[\]\)])
# and only asks whether it matches. Its first group and the whitespace after it may match nothing,
# so a match exists exactly where one of the rest exists; but the first group makes each search
# quadratic on a long line without an assignment (an article's paragraph), about 40% of the scan.
# The scan asks the same question of the rest alone; any other version of the pattern is used as is.
INDIRECT_REFERENCE = r"([^\v=!:]*)\s*(:=?|[!=]{1,3})\s*([\w.-]+[\[\(][^\v]*[\]\)])"
INDIRECT_REFERENCE_REST = re.compile(r"(:=?|[!=]{1,3})\s*([\w.-]+[\[\(][^\v]*[\]\)])")


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [name for name in result.stdout.decode().split("\0") if name]


@pytest.fixture(autouse=True)
def _indirect_reference_in_linear_time(monkeypatch):
    if heuristic._get_indirect_reference_regex().pattern == INDIRECT_REFERENCE:
        monkeypatch.setattr(heuristic, "_get_indirect_reference_regex", lambda: INDIRECT_REFERENCE_REST)


def scan(*paths: str, root: Path) -> set[tuple[str, str]]:
    """(file, hashed secret) for each secret detect-secrets finds, with the baseline's plugins and filters."""
    config = baseline.load_from_file(str(BASELINE))
    found = SecretsCollection(root=str(root))
    with transient_settings({"plugins_used": config["plugins_used"], "filters_used": config["filters_used"]}):
        for path in paths:
            found.scan_file(path)
    return {(name, secret.secret_hash) for name, secret in found}


def reviewed() -> set[tuple[str, str]]:
    known = baseline.load(baseline.load_from_file(str(BASELINE)))
    return {(name, secret.secret_hash) for name, secret in known}


def test_no_env_or_key_file_is_tracked():
    names = [name for name in tracked_files() if SECRET_FILE_NAMES.search(name)]
    assert [name for name in names if Path(name).name not in ALLOWED_FILE_NAMES] == []


def test_env_file_is_ignored_by_git():
    tracked_files()  # skips outside a checkout
    result = subprocess.run(["git", "check-ignore", "--quiet", ".env"], cwd=ROOT)
    assert result.returncode == 0, ".env must be listed in .gitignore"


@pytest.mark.slow
@pytest.mark.parametrize("part", range(SCAN_PARTS))
def test_no_tracked_file_holds_a_secret_beyond_the_reviewed_examples(part):
    # The baseline holds the reviewed findings' hashes, which read as secrets themselves.
    # The baseline's file filter leaves out sources/extraction/rescue_weights.json: `make train-rescue`
    # writes it from words of the tracked articles, which are scanned themselves, and scanning its
    # 80,000 keys took longer than every other tracked file together.
    files = [name for name in tracked_files() if (ROOT / name).is_file() and name != BASELINE.name]
    # every SCAN_PARTS-th file from this part's offset: the parts together scan each file once
    assert scan(*files[part::SCAN_PARTS], root=ROOT) - reviewed() == set()


@pytest.mark.parametrize(
    "line",
    [
        "secret = get_secret_key()",
        "api_key = request.headers['apikey']",
        "password := os.environ.get('PASSWORD')",
        "if token !== config.token(user) {",
        "a long paragraph " * 60 + "that assigns nothing (and has a bracket) [here]",
        "a long paragraph " * 60 + "label: value(x) and more",
        "headers: dict(request.headers)",
        "",
    ],
)
def test_the_linear_indirect_reference_search_agrees_with_detect_secrets(line):
    assert bool(INDIRECT_REFERENCE_REST.search(line)) == bool(re.compile(INDIRECT_REFERENCE).search(line))


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("settings.py", 'SECRET_KEY = "x8#kq-4vT0p!ma92Lz7rW1cN5eYb3uJ6hF"\n'),
        ("local.py", "DATABASES = {'default': {'PASSWORD': 'hunter2hunter2'}}\n"),
        ("run", "DATABASE_URL=postgres://hindsight:s3cr3tpw@db:5432/hindsight\n"),
        ("fixture.txt", "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE...\n"),
        ("deploy.md", "AWS key AKIA" + "IOSFODNN7EXAMPLE\n"),
    ],
)
def test_the_scan_finds_a_planted_secret(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert scan(name, root=tmp_path)

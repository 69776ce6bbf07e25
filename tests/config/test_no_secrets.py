"""No secret in the repository: no .env or key file is tracked, no tracked file (outside tests and
docs, whose values are examples) assigns a literal secret key or password, and .env is ignored."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from .deployment import ROOT

# Example values live in the docs and throwaway values in the tests; everything else is code
# and configuration that ships.
EXAMPLES = ("tests/", "docs/")
SECRET_FILE_NAMES = re.compile(r"(^|/)(\.env(\..*)?|.*\.(pem|key|p12|pfx|keystore)|id_(rsa|dsa|ecdsa|ed25519))$")
ALLOWED_FILE_NAMES = {".env.example"}
# A name that says "secret", then a quoted literal of 8+ characters with no spaces.
SECRET_ASSIGNMENT = re.compile(
    r"""(?ix)\b(secret_key|secret|[a-z_]*password|passwd|api_key|access_key|auth_token)\b['"]?
        \s*[:=]\s*["']([^"'\s]{8,})["']"""
)
# Credentials inside a URL (scheme://user:secret@host).
URL_CREDENTIALS = re.compile(r"""://[^/\s:@"']+:([^@\s/"']{3,})@""")
# Well-known shapes, anywhere, tests and docs included.
KEY_SHAPES = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----"
    r"|\bAKIA[0-9A-Z]{16}\b"  # AWS access key id
    r"|\bgh[pousr]_[A-Za-z0-9]{36}\b"  # GitHub token
    r"|\bxox[abprs]-[0-9A-Za-z-]{10,}"  # Slack token
)
# Django marks its throwaway development keys this way (and check --deploy rejects them).
ALLOWED_VALUES = re.compile(r"^django-insecure-")


def leaks(path: str, text: str) -> list[str]:
    found = [match.group(0) for match in KEY_SHAPES.finditer(text)]
    if path.startswith(EXAMPLES) or path.endswith(".md"):
        return found
    for match in SECRET_ASSIGNMENT.finditer(text):
        if not ALLOWED_VALUES.match(match.group(2)):
            found.append(match.group(0))
    found += [match.group(0) for match in URL_CREDENTIALS.finditer(text)]
    return found


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True)
    return [name for name in result.stdout.decode().split("\0") if name]


def test_no_env_or_key_file_is_tracked():
    names = [name for name in tracked_files() if SECRET_FILE_NAMES.search(name)]
    assert [name for name in names if Path(name).name not in ALLOWED_FILE_NAMES] == []


def test_no_tracked_file_holds_a_secret():
    found = {}
    for name in tracked_files():
        path = ROOT / name
        if not path.is_file() or path.stat().st_size > 2_000_000:
            continue
        hits = leaks(name, path.read_bytes().decode("utf-8", errors="ignore"))
        if hits:
            found[name] = hits
    assert found == {}


def test_env_file_is_ignored_by_git():
    tracked_files()  # skips outside a checkout
    result = subprocess.run(["git", "check-ignore", "--quiet", ".env"], cwd=ROOT)
    assert result.returncode == 0, ".env must be listed in .gitignore"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config/settings.py", 'SECRET_KEY = "x8#kq-4vT0p!ma92Lz7rW1cN5eYb3uJ6hF"'),
        ("config/local.py", "DATABASES = {'default': {'PASSWORD': 'hunter2hunter2'}}"),
        (".ci/run", "DATABASE_URL=postgres://hindsight:s3cr3tpw@db:5432/hindsight"),
        ("tests/fixture.pem", "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIE..."),
        ("docs/deploy.md", "AWS key AKIA" + "ABCDEFGHIJKLMNOP"),
    ],
)
def test_the_scanner_finds_planted_secrets(path, text):
    assert leaks(path, text)


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("config/settings.py", 'SECRET_KEY = env.str("SECRET_KEY", default="")'),
        ("config/settings.py", 'SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"'),
        ("docs/deploy.md", "SECRET_KEY=replace-with-50-random-characters"),
        ("tests/config/conftest.py", 'ADMIN_PASSWORD = "a-long-test-passphrase"'),
        ("Makefile", """print("SECRET_KEY=" + secrets.token_urlsafe(50))"""),
    ],
)
def test_the_scanner_lets_placeholders_and_examples_pass(path, text):
    assert leaks(path, text) == []

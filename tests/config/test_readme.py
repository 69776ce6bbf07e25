"""The README's command examples run as written: every `manage.py` line of its shell blocks, in
order, on a database of their own, ends with status 0 and no traceback."""

import re
import subprocess
import sys

import pytest

from .deployment import ROOT
from .test_manage import local_env

pytestmark = pytest.mark.slow

README = ROOT / "README.md"
# Only these run: the others start servers or install packages (`make run`, `make test`).
RUNNABLE = re.compile(r"^\.venv/bin/python manage\.py ")


def readme_commands(text: str) -> list[str]:
    blocks = re.findall(r"^```sh\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL)
    return [line.strip() for block in blocks for line in block.splitlines() if RUNNABLE.match(line.strip())]


def test_the_readme_shows_command_examples():
    commands = readme_commands(README.read_text(encoding="utf-8"))
    assert len(commands) >= 5
    assert any(" | head" in command for command in commands)


def test_readme_commands_run(tmp_path):
    env = {**local_env(tmp_path), "TMPDIR": str(tmp_path)}
    # The interpreter running the tests stands for .venv/bin/python.
    python = sys.executable
    migrate = subprocess.run(
        [python, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert migrate.returncode == 0, migrate.stderr
    for command in readme_commands(README.read_text(encoding="utf-8")):
        runnable = command.replace(".venv/bin/python", python, 1)
        result = subprocess.run(
            ["bash", "-c", runnable], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        assert "Traceback" not in result.stderr, f"{command}\n{result.stderr}"
        assert (result.stdout + result.stderr).strip(), f"{command} printed nothing"

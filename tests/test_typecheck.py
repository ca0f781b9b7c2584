"""mypy (with django-stubs) passes on the services, selectors and presenters listed in
[tool.mypy] of pyproject.toml, so a type error or an unannotated function fails the suite."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def mypy(*args):
    return subprocess.run(
        [sys.executable, "-m", "mypy", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=300,
    )


def test_services_selectors_and_presenters_type_check():
    result = mypy()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


@pytest.mark.parametrize("source", [
    "def name(number: int) -> str:\n    return number\n",  # a wrong type
    "def name(number):\n    return number\n",  # no hints at all
])
def test_the_configuration_catches_what_it_should(source, tmp_path):
    module = tmp_path / "example.py"
    module.write_text(source)
    result = mypy(str(module))
    assert result.returncode == 1, result.stdout + result.stderr

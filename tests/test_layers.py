"""The layer contract (.importlinter) holds, so the suite fails on an import against it.

`make lint` checks the same; this keeps a plain `pytest` run honest too.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports(cwd):
    """Run lint-imports (the console script beside this interpreter) in `cwd`."""
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run(
        [*command, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_the_code_keeps_the_layer_contract():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.fixture
def layered_tree(tmp_path):
    """Empty packages in the project's layout, with the project's contract beside them."""
    shutil.copy(ROOT / ".importlinter", tmp_path)
    packages = ["cms", "search", "demo", "community"] + [
        f"community/{app}"
        for app in ["quickscan", "events", "discussions", "members", "outbox", "accounts",
                    "privacy"]
    ]
    for package in packages:
        (tmp_path / package).mkdir(parents=True)
        (tmp_path / package / "__init__.py").write_text("")
    (tmp_path / "community" / "ratelimits.py").write_text("")
    return tmp_path


def test_the_tree_without_violations_passes(layered_tree):
    assert lint_imports(layered_tree).returncode == 0


@pytest.mark.parametrize(
    ("module", "imported"),
    [
        ("cms/models.py", "community.events.models"),  # the base layer reaches up
        ("community/events/views.py", "community.discussions.models"),  # sibling features
        ("community/members/services.py", "community.events.services"),  # below a feature
        ("community/privacy/registry.py", "community.accounts.models"),  # below accounts
        ("search/views.py", "demo.pages"),
    ],
)
def test_an_import_against_the_layers_fails(layered_tree, module, imported):
    (layered_tree / (imported.replace(".", "/") + ".py")).write_text("")
    # Inside a function, where an import used to hide a cycle: still found.
    (layered_tree / module).write_text(f"def load():\n    import {imported}\n")
    result = lint_imports(layered_tree)
    assert result.returncode == 1, result.stdout + result.stderr
    assert imported in result.stdout

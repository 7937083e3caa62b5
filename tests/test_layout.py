"""House rules for the hooks folder: site.py stays thin glue (events only), and glue helpers live beside it."""

from __future__ import annotations

import ast
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[1] / "hooks"
LIMIT = 400  # lines; past this, split by event (README, "How the code is laid out")


def test_site_py_is_short():
    lines = (HOOKS / "site.py").read_text(encoding="utf-8").count("\n")
    assert lines <= LIMIT, f"hooks/site.py has {lines} lines; move work into a glue_*.py module"


def test_site_py_defines_only_mkdocs_events():
    tree = ast.parse((HOOKS / "site.py").read_text(encoding="utf-8"))
    others = [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("on_")]
    assert others == [], f"hooks/site.py should hold MkDocs events only; move {others} to a glue_*.py module"


def test_glue_modules_import_cleanly_without_mkdocs_running():
    import sys
    sys.path.insert(0, str(HOOKS))
    import glue_content, glue_markdown, glue_paths, glue_state  # noqa: E401,F401
    assert glue_state.STATE is glue_markdown.STATE is glue_paths.STATE is glue_content.STATE

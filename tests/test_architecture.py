"""The dependency rule: bot/core imports no chat SDK and no infrastructure library."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORBIDDEN_IN_CORE = {"discord", "slack_bolt", "slack_sdk", "aiosqlite", "apscheduler", "yaml"}
FORBIDDEN_IN_CORE_LOCAL = {"bot.infra", "bot.adapters", "bot.app", "bot.settings", "bot.cli"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _violations(folder: str, forbidden: set[str]) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                found.append(f"{path.relative_to(ROOT)} imports {name}")
    return found


def test_core_imports_no_platform_or_infrastructure_library():
    assert _violations("bot/core", FORBIDDEN_IN_CORE | FORBIDDEN_IN_CORE_LOCAL) == []


def test_infra_does_not_import_the_chat_faces():
    assert _violations("bot/infra", {"discord", "slack_bolt", "slack_sdk", "bot.adapters"}) == []


def test_adapters_do_not_reach_into_infrastructure():
    assert _violations("bot/adapters", {"aiosqlite", "apscheduler", "yaml", "bot.infra"}) == []


def test_the_checker_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import discord.ui\nfrom yaml import safe_load\n", encoding="utf-8")
    assert _imports(sample) == {"discord.ui", "yaml"}


def test_a_chat_bot_starts_without_the_libraries_only_some_commands_need():
    # numpy (description search), genanki (Anki decks), ruamel (content import), matplotlib
    # (/stats) and the Korean analyser load on first use; the bot's resident memory at start
    # is what every process pays.
    probe = (
        "import sys, asyncio, bot.app, bot.adapters.discord.runner\n"
        "from bot.settings import Settings\n"
        "s = Settings(_env_file=None, data_dir=sys.argv[1])\n"
        "c, i = bot.app.load(s)\n"
        "async def main():\n"
        "    async with bot.app.Application(s, c, ['discord'], index=i):\n"
        "        pass\n"
        "asyncio.run(main())\n"
        "lazy = ('numpy', 'genanki', 'ruamel.yaml', 'matplotlib', 'kiwipiepy')\n"
        "print(','.join(m for m in lazy if m in sys.modules))\n"
    )
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as data:
        out = subprocess.run(
            [sys.executable, "-c", probe, data], capture_output=True, text=True, check=True
        )
    assert out.stdout.strip() == ""

"""The command line: run, check, define, import, export, post-due, sync, health and storage."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bot import app
from bot.adapters.console import render_text
from bot.core.daily import PostedItem
from bot.core.errors import ContentError, StorageUnavailableError, StudyBotError
from bot.core.glossary import GlossaryService
from bot.core.i18n import t
from bot.core.lookup import LookupResult, Match
from bot.core.models import SpaceRef
from bot.core.services import need
from bot.core.shards import ShardSettingsError
from bot.faces import FACES, chosen
from bot.infra import backend
from bot.infra.backend import CopyError, DatabaseUrlError
from bot.infra.backend import StorageUnavailableError as BackendUnavailableError
from bot.infra.clock import StartedClock
from bot.infra.content import load_content
from bot.infra.content_files import read_file
from bot.infra.db import MigrationError
from bot.infra.importers.docker import import_docker_glossary
from bot.infra.importers.k8s import import_k8s_dir, k8s_source_name
from bot.infra.importers.merge import merge_into, merge_note
from bot.infra.importers.result import MergeReport
from bot.infra.importers.til import MAX_NOTE_BYTES, parse_til
from bot.settings import Platform, Settings

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2
# The instants `post-due --at` takes: any space's local time, a day's grace and a week's digest
# stay inside the dates Python can hold.
FIRST_AT = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
LAST_AT = dt.datetime(9998, 12, 31, tzinfo=dt.UTC)

# A configuration the operator must fix (no token): restarting cannot help, so a
# supervisor can tell it apart (sysexits' EX_CONFIG).
EXIT_CONFIG = 78
# A token that is missing is a configuration to fix (78); one the platform rejects exits 1,
# the same on every face, so an operator sees it as a failed start.
_CONFIG_ERRORS = frozenset(
    {"error.no_token", "error.no_token_sync", "error.no_slack_token", "error.no_chat_token"}
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="studybot")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run", help="start every chat face with a token (Discord, Slack), else the console"
    )
    run.add_argument("--platform", choices=sorted(FACES))
    run.add_argument(
        "--service",
        action="store_true",
        help="run as a service: chat faces only, never the console (a missing token is an error)",
    )
    run.add_argument("--sync", action="store_true", help="force a Discord command sync")
    run.add_argument("--at", type=_instant, help="start the bot's clock at this ISO-8601 instant")
    check = sub.add_parser("check", help="validate the content folder")
    check.add_argument("--content", type=Path)
    define = sub.add_parser("define", help="look up terms")
    define.add_argument("--content", type=Path)
    define.add_argument("--json", action="store_true", help="one JSON object per line")
    define.add_argument("--lang", choices=["ko", "en"])
    define.add_argument("query", nargs="+")
    sub.add_parser("sync", help="force the Discord command sync")
    due = sub.add_parser("post-due", help="post what is due now (for cron), once")
    due.add_argument("--at", help="an ISO-8601 instant with offset (default: now)")
    due.add_argument("--space", help="only this space id")
    due.add_argument("--platform", choices=sorted(FACES))
    sub.add_parser("health", help="exit 0 when the running bot is alive (container HEALTHCHECK)")
    _storage_parsers(sub)
    _import_parser(sub)
    _export_parser(sub)
    return parser


def _export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = sub.add_parser("export", help="export a member's notes or a space's glossary")
    kinds = export.add_subparsers(dest="kind", required=True)
    til = kinds.add_parser("til", help="a member's days in the team's TIL format (Markdown)")
    til.add_argument("--space", required=True, help="space id, e.g. discord:123 or console:local")
    til.add_argument("--member", required=True, help="the member's platform user id")
    when = til.add_mutually_exclusive_group(required=True)
    when.add_argument("--date", type=dt.date.fromisoformat)
    when.add_argument("--from", dest="date_from", type=dt.date.fromisoformat)
    til.add_argument("--to", dest="date_to", type=dt.date.fromisoformat)
    glossary = kinds.add_parser("glossary", help="a space's accepted terms as content YAML")
    glossary.add_argument("--space", required=True)
    anki = kinds.add_parser("anki", help="a space's glossary as an Anki deck (.apkg)")
    anki.add_argument("--space", required=True, help="space id, e.g. discord:123 or console:local")
    anki.add_argument("--member", help="only the terms this member has review cards for")
    anki.add_argument("--out", type=Path, help="default: ./studybot-<space>.apkg")


def _storage_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    sub.add_parser("migrate", help="bring the database schema up to date (STUDYBOT_DATABASE_URL)")
    copy = sub.add_parser("copy-db", help="copy every table between SQLite and PostgreSQL")
    copy.add_argument("--from", dest="source", required=True, help="sqlite:///… or postgresql://…")
    copy.add_argument("--to", dest="target", required=True, help="sqlite:///… or postgresql://…")
    copy.add_argument("--force", action="store_true", help="empty a target that has rows first")


def _import_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = sub.add_parser("import", help="import notes or glossaries into content")
    kinds = imp.add_subparsers(dest="kind", required=True)
    til = kinds.add_parser("til", help="the team's TIL notes (Markdown)")
    til.add_argument("files", nargs="+", type=Path)
    k8s = kinds.add_parser("k8s", help="the Kubernetes website glossary folder")
    k8s.add_argument("files", nargs=1, type=Path)
    docker = kinds.add_parser("docker", help="Docker's glossary YAML")
    docker.add_argument("files", nargs=1, type=Path)
    for parser in (til, k8s, docker):
        parser.add_argument("--out", type=Path, help="content folder to write (default: content/)")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    settings = Settings()
    try:
        return _dispatch(args, settings)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_PROBLEM
    except StudyBotError as exc:
        print(t(exc.key, settings.locale, **exc.params), file=sys.stderr)
        return EXIT_CONFIG if exc.key in _CONFIG_ERRORS else EXIT_PROBLEM
    except (DatabaseUrlError, BackendUnavailableError, MigrationError, ShardSettingsError) as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        return EXIT_OK


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
    if args.command in {"run", "export"}:  # post-due checks its --at first
        _ready_data_dir(settings)
    if args.command == "check":
        return _check(args.content or app.content_dir(settings))
    if args.command == "define":
        if args.content is not None:
            settings = settings.model_copy(update={"content_dir": args.content})
        content, index = app.load(settings)
        service = GlossaryService(content, index)
        return _define(service, args.query, as_json=args.json, locale=args.lang or settings.locale)
    if args.command == "export":
        return asyncio.run(_export(settings, args))
    if args.command == "health":
        return EXIT_OK if app.healthy(settings, time.time()) else EXIT_PROBLEM
    if args.command == "import":
        return _import(args.kind, args.files, args.out or settings.content_dir or Path("content"))
    if args.command == "run":
        return _run(settings, args.platform, force_sync=args.sync, at=args.at, service=args.service)
    app.configure_logging(settings)
    if args.command == "post-due":
        try:
            at = _instant(args.at) if args.at is not None else dt.datetime.now(dt.UTC)
        except argparse.ArgumentTypeError as exc:
            print(f"python -m bot post-due: --at: {exc}", file=sys.stderr)
            return EXIT_USAGE
        _ready_data_dir(settings)
        return asyncio.run(_post_due(settings, args.platform, at, args.space))
    if args.command == "sync":
        if settings.discord_token is None:
            print(t("error.no_token_sync", settings.locale), file=sys.stderr)
            return EXIT_CONFIG
        print(asyncio.run(app.sync_commands(settings)))
    if args.command == "migrate":
        return _migrate(settings)
    if args.command == "copy-db":
        return _copy_db(settings, args.source, args.target, force=args.force)
    return EXIT_OK


def _migrate(settings: Settings) -> int:
    url = backend.parse_database_url(settings.database_url, settings.data_dir)
    number = asyncio.run(backend.migrate(url))
    print(f"{url}: schema up to date (migration {number})")
    return EXIT_OK


def _run(
    settings: Settings,
    platform: Platform | None,
    *,
    force_sync: bool,
    at: dt.datetime | None = None,
    service: bool = False,
) -> int:
    missing = _missing_token(settings, platform, service=service)
    if missing is not None:
        print(t(missing, settings.locale), file=sys.stderr)
        return EXIT_CONFIG
    faces = [face.name for face in chosen(settings, platform)]
    # In the console the terminal is the chat; log lines would land between the answers.
    app.configure_logging(settings, to_file="console" in faces)
    clock = StartedClock(at) if at is not None else None
    asyncio.run(app.run(settings, platform, force_sync=force_sync, clock=clock))
    return EXIT_OK


def _missing_token(settings: Settings, platform: Platform | None, *, service: bool) -> str | None:
    """The message for a chat face asked for without its token, or None when all is set."""
    if platform == "discord" and settings.discord_token is None:
        return "error.no_token"
    if platform == "slack" and "slack" not in settings.platforms:
        return "error.no_slack_token"
    if service and platform is None and settings.platforms == ("console",):
        # A service has no terminal: the console would read nothing and end at once.
        return "error.no_chat_token"
    return None


def _import(kind: str, files: Sequence[Path], out: Path) -> int:
    missing = [str(f) for f in files if not f.exists() and not f.is_symlink()]
    if missing:
        print(f"not found: {', '.join(missing)}", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        if kind == "til":
            _import_notes(files, out)
            return EXIT_OK
        result = import_k8s_dir(files[0]) if kind == "k8s" else import_docker_glossary(files[0])
        source = k8s_source_name(files[0]) if kind == "k8s" else "docker"
        _print_import(result.warnings, merge_into(out, terms=result.terms, source_name=source))
    except OSError as exc:  # reading went through read_file, so this is the --out folder
        where = exc.filename or out
        print(
            f"{where}: cannot write ({exc.strerror or exc}); choose another --out", file=sys.stderr
        )
        return EXIT_PROBLEM
    return EXIT_OK


def _import_notes(files: Sequence[Path], out: Path) -> None:
    """Import notes one by one, with a progress bar on a terminal (nothing when piped)."""
    sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
    with tqdm(
        total=sum(sizes),
        unit="B",
        unit_scale=True,
        disable=not sys.stderr.isatty(),
        file=sys.stderr,
        leave=False,
    ) as bar:
        for path, size in zip(files, sizes, strict=True):
            bar.set_postfix_str(f"{path.name}: reading")
            text = read_file(path, MAX_NOTE_BYTES)
            bar.set_postfix_str(f"{path.name}: parsing")
            note = parse_til(text, str(path))
            bar.set_postfix_str(f"{path.name}: merging")
            report = merge_note(out, note)
            bar.update(size)
            bar.clear()
            _print_import(note.warnings, report)


def _print_import(warnings: Sequence[str], report: MergeReport) -> None:
    for line in warnings:
        print(line, file=sys.stderr)
    print("\n".join(report.lines()))


def _instant(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO-8601 instant: {text!r}") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give an offset, e.g. {text}+09:00 or {text}Z")
    try:
        value = value.astimezone(dt.UTC)
    except OverflowError:
        value = FIRST_AT - dt.timedelta(days=1)  # only the far ends of year 1 and 9999 overflow
    if not FIRST_AT <= value <= LAST_AT:
        raise argparse.ArgumentTypeError(
            f"{text} is out of range: give an instant between {FIRST_AT:%Y-%m-%d} and "
            f"{LAST_AT:%Y-%m-%d}"
        )
    return value


def _ready_data_dir(settings: Settings) -> None:
    """StorageUnavailableError, before anything starts, when the data dir cannot be written.

    The database, the log file and the heartbeat all live there; a read-only folder or mount,
    or a data dir under a regular file, would otherwise end in a traceback halfway up.
    """
    folder = settings.data_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise StorageUnavailableError(path=str(folder), reason=reason) from None


async def _post_due(
    settings: Settings, platform: Platform | None, at: dt.datetime, space: str | None
) -> int:
    content, index = app.load(settings)
    faces = chosen(settings, platform)
    async with (
        app.Application(settings, content, [f.name for f in faces], index=index) as application,
        contextlib.AsyncExitStack() as stack,
    ):
        if "console" in application.platforms:
            from bot.adapters import console

            await console.prepare_space(application.services)
        publishers = {f.name: await stack.enter_async_context(f.publisher(settings)) for f in faces}
        posted = await application.post_due(publishers, at, space)
        unposted = await need(application.services.daily).unposted(at, space)
    for item in posted:
        print(_posted_line(item))
    for line in unposted:
        print(f"not posted: {line}", file=sys.stderr)
    return EXIT_PROBLEM if unposted else EXIT_OK


def _copy_db(settings: Settings, source_text: str, target_text: str, *, force: bool) -> int:
    source = backend.parse_database_url(source_text, settings.data_dir)
    target = backend.parse_database_url(target_text, settings.data_dir)
    if source == target:
        print(f"{source}: the source and the target are the same database", file=sys.stderr)
        return EXIT_PROBLEM
    configured = backend.parse_database_url(settings.database_url, settings.data_dir)
    homes = [source.path.parent] if source.path is not None else []
    if source == configured:
        homes.append(settings.data_dir)
    if any(app.healthy(settings.model_copy(update={"data_dir": d}), time.time()) for d in homes):
        print(f"{source}: a bot is running on it (fresh heartbeat); stop it first", file=sys.stderr)
        return EXIT_PROBLEM
    try:
        counted = asyncio.run(backend.copy_database(source, target, force=force))
    except CopyError as exc:
        print(exc, file=sys.stderr)
        return EXIT_PROBLEM
    for line in counted:
        print(line.line)
    return EXIT_OK if all(c.source == c.target for c in counted) else EXIT_PROBLEM


def _posted_line(item: PostedItem) -> str:
    """One line per post for cron logs: ``posted morning 2026-11-30 console:local message=…``."""
    where = f"{item.space.platform}:{item.space.id}"
    return f"posted {item.kind.value} {item.local_date} {where} message={item.message_id}"


def _space_ref(text: str, settings: Settings) -> SpaceRef:
    platform, _, space_id = text.rpartition(":")
    return SpaceRef(platform or settings.platform, space_id)


async def _export(settings: Settings, args: argparse.Namespace) -> int:
    content, index = app.load(settings)
    async with app.Application(settings, content, settings.platform, index=index) as application:
        if args.kind == "glossary":
            print(await application.export_glossary(args.space), end="")
            return EXIT_OK
        if args.kind == "anki":
            return await _export_anki(application, _space_ref(args.space, settings), args)
        first = args.date or args.date_from
        last = args.date or args.date_to or first
        journal = application.services.journal
        if journal is None:  # pragma: no cover - the Application always builds it
            return EXIT_PROBLEM
        space = _space_ref(args.space, settings)
        known = {member.user_id for member in await journal.members(space)}
        if args.member not in known:
            message = _unknown_member(args.space, args.member, sorted(known), settings)
            print(message, file=sys.stderr)
            return EXIT_PROBLEM
        print(await journal.export_til(space, args.member, first, last), end="")
    return EXIT_OK


async def _export_anki(
    application: app.Application, space: SpaceRef, args: argparse.Namespace
) -> int:
    from bot.infra.anki import write_deck

    key = f"{space.platform}:{space.id}"
    terms = await application.anki_terms(key, args.member)
    out = args.out or Path(f"studybot-{key.replace('/', '-')}.apkg")
    count = await asyncio.to_thread(write_deck, out, key, terms)
    print(f"wrote {count} notes to {out.resolve()}")
    return EXIT_OK


def _unknown_member(space: str, member: str, known: list[str], settings: Settings) -> str:
    if not known:
        return t("error.no_members", settings.locale, space=space)
    members = ", ".join(known)
    return t("error.unknown_member", settings.locale, space=space, member=member, members=members)


def _check(directory: Path) -> int:
    content = load_content(directory)
    print(
        f"{directory}: ok — {len(content.terms)} terms, {len(content.commands)} commands, "
        f"{len(content.days)} days"
    )
    return EXIT_OK


def _define(service: GlossaryService, queries: Sequence[str], *, as_json: bool, locale: str) -> int:
    missed = False
    for query in queries:
        try:
            result: LookupResult | None = service.lookup(query)
        except StudyBotError as exc:
            result, error = None, t(exc.key, locale, **exc.params)
        missed = missed or result is None or not result.found
        if as_json:
            print(
                json.dumps(
                    _as_json(query, result, error if result is None else None), ensure_ascii=False
                )
            )
        elif result is None:
            print(error + "\n")
        else:
            print(render_text(service.define(query, locale)) + "\n")
    return EXIT_PROBLEM if missed else EXIT_OK


def _as_json(query: str, result: LookupResult | None, error: str | None) -> dict[str, Any]:
    best = result.best if result is not None else None
    others: tuple[Match, ...] = ()
    if result is not None:
        others = result.matches[1:] if result.found else result.suggestions
    term = best.term if best is not None else None
    return {
        "query": query,
        "found": best is not None,
        "id": term.id if term else None,
        "term": term.term if term else None,
        "definition": term.definition if term else None,
        "notes": list(term.notes) if term else [],
        "aliases": list(term.aliases) if term else [],
        "match": best.kind.value if best else None,
        "score": round(best.score, 1) if best else None,
        "suggestions": [
            {"id": m.term.id, "term": m.term.term, "score": round(m.score, 1)} for m in others
        ],
        "matches": [_match_json(m) for m in (result.matches if result is not None else ())],
        **({"error": error} if error else {}),
    }


def _match_json(match: Match) -> dict[str, Any]:
    """One entry found: two for a comparison (``A vs B``), whose first is also ``id``."""
    row: dict[str, Any] = {"id": match.term.id, "term": match.term.term}
    row.update(match=match.kind.value, score=round(match.score, 1))
    return {**row, "sentence": match.sentence} if match.sentence else row

"""The `parallax` command: serve, import a folder, load the demo, export/import JSON, realign, migrate."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from app.db import engine_for
from app.migrate import upgrade_database
from app.services import backup, events, ingest
from app.services.errors import ServiceError
from app.settings import settings


def _session(url: str | None) -> Session:
    engine = engine_for(url or settings.database_url)
    upgrade_database(engine)
    return Session(engine)


def progress_bar(done: int, total: int, label: str, *, width: int = 30) -> None:
    stream = sys.stderr
    filled = int(width * done / total) if total else width
    bar = "█" * filled + "░" * (width - filled)
    stream.write(f"\r[{bar}] {done}/{total} {label[:40]:<40}")
    if done == total:
        stream.write("\n")
    stream.flush()


def outlet_from_filename(path: Path) -> str:
    """'03_meridian-wire.txt' -> 'Meridian Wire' (one rule for the CLI and the upload form)."""
    from app.services.ingest import outlet_from_filename as from_name

    return from_name(path.name)


def cmd_import(args: argparse.Namespace) -> int:
    if args.json:
        with _session(args.database_url) as session:
            data = json.loads(Path(args.folder).read_text(encoding="utf-8"))
            event = backup.import_event(session, data, title=args.event)
            print(f"Imported event '{event.title}' as {event.slug}.")
        return 0
    folder = Path(args.folder)
    if not folder.is_dir():
        print(f"error: {folder} is not a folder", file=sys.stderr)
        return 2
    if not args.event:
        print("error: give the event title with --event", file=sys.stderr)
        return 2
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in ingest.FILE_FORMATS)
    if not files:
        print(f"error: no .txt, .html or .md files in {folder}", file=sys.stderr)
        return 2
    submissions = [
        ingest.Submission(path.name, data=path.read_bytes(), outlet=outlet_from_filename(path))
        for path in files
    ]
    with _session(args.database_url) as session:
        event = events.find_event_by_title(session, args.event) or events.create_event(session, args.event)
        outcomes = ingest.ingest(
            session,
            event,
            submissions,
            ingest.Metadata(role=args.role),
            on_progress=lambda done, outcome: progress_bar(done, len(files), outcome.name),
        )
        slug = event.slug
    counts = {
        status: sum(o.status == status for o in outcomes) for status in ("stored", "duplicate", "rejected")
    }
    for outcome in outcomes:
        if outcome.status == "rejected":
            print(f"  rejected {outcome.name}: {outcome.message}", file=sys.stderr)
    print(
        f"Event '{args.event}' ({slug}): {counts['stored']} stored, {counts['duplicate']} duplicates, "
        f"{counts['rejected']} rejected."
    )
    return 0 if counts["rejected"] == 0 else 1


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services.demo import load_demo

    with _session(args.database_url) as session:
        event, created = load_demo(session, only_if_empty=args.if_empty)
        if event is None:
            print("The database already has events; demo not loaded.")
        else:
            print(f"Demo event {'loaded' if created else 'already present'}: /events/{event.slug}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with _session(args.database_url) as session:
        data = backup.export_event(session, events.get_event(session, args.slug))
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def cmd_realign(args: argparse.Namespace) -> int:
    from app.services.realign import realign_event_in_steps

    if not args.slug and not args.all:
        print("error: give an event's slug, or --all", file=sys.stderr)
        return 2
    with _session(args.database_url) as session:
        chosen = (
            events.list_events(session)
            if args.all
            else [events.EventSummary(events.get_event(session, args.slug), 0, 0, 0, 0)]
        )
        slugs = [(summary.event.id or 0, summary.event.slug) for summary in chosen]
        for event_id, slug in slugs:
            # One event at a time, in short transactions: other events' writers are served meanwhile.
            count = realign_event_in_steps(
                session, event_id, on_step=lambda done, total, slug=slug: progress_bar(done, total, slug)
            )
            print(f"Realigned {count} articles of {slug}.")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    upgrade_database(engine_for(args.database_url or settings.database_url))
    print("Database is at the current schema.")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import os

    from app.web.server import serve

    if args.host not in ("0.0.0.0", "::", ""):
        # The name the server was asked to listen on is one it answers to (workers read the environment).
        hosts = ",".join(h for h in (settings.allowed_hosts, args.host) if h)
        settings.allowed_hosts = os.environ["ALLOWED_HOSTS"] = hosts
    # With the timeouts that keep a slow client from holding a connection or a stop of the server.
    serve(args.host, args.port, workers=args.workers, reload=args.reload)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="parallax", description="Compare how outlets covered one event.")
    parser.add_argument("--database-url", help="overrides DATABASE_URL")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the web app")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--reload", action="store_true")
    serve.set_defaults(func=cmd_serve)

    imp = sub.add_parser(
        "import", help="import a folder of .txt/.html/.md articles, or an exported JSON file"
    )
    imp.add_argument("folder", help="a folder of articles, or a JSON file with --json")
    imp.add_argument("--event", help="the event's title (created when missing)")
    imp.add_argument("--role", default="report", help="report (default) or source, unless front matter says")
    imp.add_argument("--json", action="store_true", help="FOLDER is a JSON file written by `parallax export`")
    imp.set_defaults(func=cmd_import)

    demo = sub.add_parser("demo", help="load the demo event")
    demo.add_argument("--if-empty", action="store_true", help="only when the database has no events")
    demo.set_defaults(func=cmd_demo)

    export = sub.add_parser("export", help="write an event as JSON (backup)")
    export.add_argument("slug")
    export.add_argument("-o", "--output", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)

    realign = sub.add_parser("realign", help="recompute an event's extraction and alignment from scratch")
    realign.add_argument("slug", nargs="?", help="the event to realign")
    realign.add_argument("--all", action="store_true", help="every event, one after another")
    realign.set_defaults(func=cmd_realign)

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_sub.add_parser("upgrade", help="migrate to the current schema").set_defaults(func=cmd_db)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ServiceError as exc:
        print(f"error: {exc.message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())

"""Runtime settings, read once from the environment (and an optional .env file)."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

# Templates and static files live at the repository's top level (design card), beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # SQLite in the working folder by default; point it at postgresql+psycopg://... for a team.
    database_url: str = "sqlite:///parallax.db"
    # Limits stated in the README and enforced at every entry point.
    max_request_bytes: int = 5 * 1024 * 1024
    max_article_chars: int = 200_000
    max_files_per_upload: int = 20
    max_articles_per_comparison: int = 6
    # Storing and aligning happen under the event's write lock, at about a millisecond per figure: these
    # bound how long one article can hold it. News articles carry tens of figures and quotes (the corpus's
    # most: 181 figures, 81 quotes); tens of thousands is a table or an attack, not a report. A hostile run of
    # quotations ('said "a" said "a" ...') costs its attribution up to tens of milliseconds each, so the quote
    # limit also bounds how long one post can hold a worker (2,000 of them took 30 s).
    max_figures_per_article: int = 1000
    max_quotes_per_article: int = 300
    # Migrate an empty or outdated database when the app starts (safe under concurrent start-ups).
    migrate_on_startup: bool = True
    # Import by URL: private, loopback and link-local addresses are refused unless this is set (tests, LANs).
    fetch_allow_private: bool = False
    fetch_timeout_seconds: float = 10.0
    # How long a client may take to send a request (app/web/server.py): its headers, from the first byte, and
    # then its body (5 MB at 100 kB/s is 50 s). A slower client (slow-loris) is cut off.
    request_header_timeout_seconds: float = 10.0
    request_body_timeout_seconds: float = 60.0
    # Host names the app answers to (DNS rebinding defence), comma-separated; localhost names always are.
    allowed_hosts: str = ""


settings = Settings()

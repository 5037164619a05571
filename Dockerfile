# Parallax app image: the web app on uvicorn, migrating its database at start-up.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md ./
COPY app ./app
RUN pip install ".[postgres]" && pip uninstall -y parallax-news && pip install --no-deps -e .
COPY templates ./templates
COPY static ./static
COPY migrations ./migrations
COPY alembic.ini ./

RUN useradd --create-home parallax && chown -R parallax /app
USER parallax
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/events', timeout=2)"
# `parallax serve`: uvicorn with the request timeouts of app/web/server.py (it trusts proxy headers, as before).
CMD ["parallax", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]

"""docker-compose.yml: app + PostgreSQL with health checks and a volume, accepted by `docker compose config`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]


def test_compose_file_describes_app_and_postgres() -> None:
    compose = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    services = compose["services"]
    assert {"app", "db"} <= set(services)
    assert services["app"]["environment"]["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "healthcheck" in services["db"] and "healthcheck" in services["app"]
    assert "pgdata" in compose["volumes"]
    assert any(v.startswith("pgdata:") for v in services["db"]["volumes"])


def test_dockerfile_serves_the_app() -> None:
    dockerfile = (REPO / "Dockerfile").read_text()
    # `parallax serve` runs uvicorn on app.main:app with the request timeouts of app/web/server.py.
    assert 'CMD ["parallax", "serve", "--host", "0.0.0.0"' in dockerfile and "HEALTHCHECK" in dockerfile


def test_docker_compose_config_accepts_the_file() -> None:
    if shutil.which("docker-compose"):
        command = ["docker-compose", "config", "-q"]
    elif (
        shutil.which("docker")
        and subprocess.run(["docker", "compose", "version"], capture_output=True).returncode == 0
    ):
        command = ["docker", "compose", "config", "-q"]
    else:
        pytest.skip(
            "neither `docker compose` nor `docker-compose` is installed (Debian: apt-get install docker-compose)"
        )
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr

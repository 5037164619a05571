"""Plain-text cleaning: page-chrome lines go, every sentence of the article stays; Markdown is reduced to text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.clean import clean_plain_text, is_chrome_line, strip_markdown

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_line_endings_and_trailing_spaces_are_normalised() -> None:
    assert clean_plain_text("Flood hits town  \r\nThe river rose.\t\rIt rained.\u00a0\n") == (
        "Flood hits town\nThe river rose.\nIt rained."
    )


@pytest.mark.parametrize(
    "line",
    [
        "3 min read",
        "5 minute read",
        "Share this article",
        "Share",
        "Subscribe",
        "Sign up for our newsletter",
        "Advertisement",
        "Read more",
        "Read more: Floods spread north",
        "Live Story",
        "Analysis",
        "Follow us on Facebook and Instagram",
        "A heron waits by the weir (centre) as the river rises [Getty]",
        "Villagers stack sandbags on Tuesday [AFP/Getty Images]",
        "Photo: Jane Doe",
        "The old mill before the flood (Photo by Jane Doe)",
    ],
)
def test_chrome_lines_are_dropped(line: str) -> None:
    assert is_chrome_line(line)
    cleaned = clean_plain_text(f"River floods town\n{line}\nThe river rose overnight.")
    assert cleaned == "River floods town\nThe river rose overnight."


@pytest.mark.parametrize(
    "line",
    [
        "Residents who subscribe to the council alerts were warned early.",
        "The analysis by the water board blamed old drains.",
        "Share prices of the insurer fell 3% on Monday.",
        "River floods town",
        "20 October, 2023",
        "'Risk of a second flood'",
        "He said the report [on drainage] was late.",
    ],
)
def test_article_lines_are_kept(line: str) -> None:
    assert not is_chrome_line(line)
    assert line in clean_plain_text(f"Intro line.\n{line}\nLast line.").split("\n")


def test_blank_runs_left_by_dropped_lines_collapse() -> None:
    assert clean_plain_text("Title\n\nAdvertisement\n\nBody text.") == "Title\n\nBody text."


def test_strip_markdown() -> None:
    markdown = (
        "# River floods town\n\nThe **river** rose *fast* and _high_, says [the board](https://x.test/a).\n\n"
        "![a heron](heron.png)\n\n> Water everywhere, she said.\n\n- sandbags\n- pumps\n\n"
        "Aftermath\n---------\n\nThe `snake_case` name and file_name_here stay; 5 * 3 = 15.\n"
    )
    assert strip_markdown(markdown) == (
        "River floods town\n\nThe river rose fast and high, says the board.\n\n"
        "Water everywhere, she said.\n\nsandbags\npumps\n\n"
        "Aftermath\n\nThe snake_case name and file_name_here stay; 5 * 3 = 15."
    )


def test_strip_markdown_reference_links_and_rules() -> None:
    markdown = "See [the report][r1] now.\n\n***\n\nEnd.\n\n[r1]: https://x.test/report\n"
    assert strip_markdown(markdown) == "See the report now.\n\nEnd."


def test_seed_002_loses_its_chrome_lines_and_keeps_the_rest() -> None:
    matches = sorted(SEEDS.glob("002_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("seed articles are not available")
    raw = matches[0].read_text(encoding="utf-8")
    cleaned = clean_plain_text(raw)
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    kept_lines = [line.strip() for line in cleaned.splitlines() if line.strip()]
    dropped = [line for line in raw_lines if line not in kept_lines]
    assert len(dropped) == 4 and len(kept_lines) == len(raw_lines) - 4
    assert {"3 min read", "Analysis", "Live Story"} <= set(dropped)
    assert [line for line in dropped if line.endswith("[Getty]")]
    for chrome in ("3 min read", "[Getty]", "Live Story", "\nAnalysis\n"):
        assert chrome not in cleaned
    assert "20 October, 2023" in cleaned


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seeds_without_chrome_keep_every_line(prefix: str) -> None:
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt")) if SEEDS.is_dir() else []
    if not matches:
        pytest.skip("seed articles are not available")
    raw = matches[0].read_text(encoding="utf-8")
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    assert [line.strip() for line in clean_plain_text(raw).splitlines() if line.strip()] == raw_lines

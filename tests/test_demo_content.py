"""The demo event loads, and its five articles between them show every convention the extractor must handle.

These are structural checks on the texts (regular expressions over the bodies), not runs of the extractor:
they guard the demo content and the benchmark annotations against edits that would quietly drop a case.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from app.demo import (
    EVENT_DESCRIPTION,
    EVENT_TITLE,
    DemoArticle,
    demo_article_files,
    demo_articles,
    parse_front_matter,
)

REPO = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ANNOTATIONS = REPO / "bench" / "annotations"


@pytest.fixture(scope="module")
def articles() -> list[DemoArticle]:
    return demo_articles()


@pytest.fixture(scope="module")
def by_outlet(articles: list[DemoArticle]) -> dict[str, str]:
    return {article.outlet: article.text for article in articles}


@pytest.fixture(scope="module")
def all_text(articles: list[DemoArticle]) -> str:
    return "\n\n".join(article.text for article in articles)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _words(text: str) -> list[str]:
    return re.findall(r"[\w]+(?:['’\-][\w]+)*", text.casefold())


# --- loading -------------------------------------------------------------------------------------------------


def test_demo_has_five_articles_with_all_fields(articles: list[DemoArticle]) -> None:
    assert len(articles) == 5
    assert len({a.outlet for a in articles}) == 5
    for article in articles:
        for value in (article.outlet, article.domain, article.title, article.url, article.author):
            assert value.strip()
        assert article.url.startswith(f"https://{article.domain}/")
        assert article.domain.endswith(".example")
        assert isinstance(article.published_at, datetime)
        assert article.published_at.tzinfo is not None
        # The body starts after the front matter: no fence or metadata leaks into it.
        assert not article.text.startswith("---")
        assert "published_at:" not in article.text


def test_demo_articles_are_250_to_600_words(articles: list[DemoArticle]) -> None:
    for article in articles:
        count = len(article.text.split())
        assert 250 <= count <= 600, (article.outlet, count)


def test_demo_files_are_numbered_with_outlet_slugs() -> None:
    names = [name for name, _ in demo_article_files()]
    assert len(names) == 5
    for number, name in enumerate(names, start=1):
        assert re.fullmatch(rf"0{number}_[a-z0-9-]+\.md", name)


def test_front_matter_values_keep_their_colons_and_the_body_follows() -> None:
    raw = (
        "---\noutlet: Harbour Gazette\ntitle: 'Fire': a night on the quay\n"
        "url: https://gazette.example/a:b\npublished_at: 2026-01-02T03:04:05+00:00\n---\n"
        'Body line one.\n\n"A quote," he said.\n'
    )
    meta, body = parse_front_matter(raw)
    assert meta["outlet"] == "Harbour Gazette"
    assert meta["title"] == "'Fire': a night on the quay"
    assert meta["url"] == "https://gazette.example/a:b"
    assert datetime.fromisoformat(meta["published_at"]).hour == 3
    assert body.startswith("Body line one.")
    assert parse_front_matter("No fence here.\n") == ({}, "No fence here.\n")


def test_event_title_and_description() -> None:
    assert EVENT_TITLE.strip()
    assert "fictional" in EVENT_DESCRIPTION.lower()


def test_body_is_plain_text_without_markdown_syntax(all_text: str) -> None:
    for line in all_text.splitlines():
        assert not re.match(r"\s*(#{1,6}\s|[-*+]\s|>\s|\d+\.\s)", line), line
        assert "**" not in line and "](" not in line


# --- quote conventions ---------------------------------------------------------------------------------------


def test_split_quote_around_attribution(all_text: str) -> None:
    assert re.search(r'"[^"\n]+,"\s+(?:he|she)\s+said,\s+"[a-z][^"\n]+"', all_text)


def test_quote_over_several_paragraphs(articles: list[DemoArticle]) -> None:
    # A paragraph that opens a quote without closing it, followed by one that opens again.
    found = False
    for article in articles:
        paragraphs = _paragraphs(article.text)
        for first, second in itertools.pairwise(paragraphs):
            if first.startswith('"') and first.count('"') == 1 and second.startswith('"'):
                found = True
    assert found


def test_colon_introduced_quote(all_text: str) -> None:
    assert re.search(r":\s+[\"'“‘][A-Z]", all_text)


def test_quote_paragraph_attributed_in_the_next_sentence(articles: list[DemoArticle]) -> None:
    found = False
    for article in articles:
        paragraphs = _paragraphs(article.text)
        for quote, after in itertools.pairwise(paragraphs):
            whole_quote = re.fullmatch(r'"[^"]+[.?!]"', quote)
            if whole_quote and re.match(r"So said [A-Z]\w+ [A-Z]\w+", after):
                found = True
    assert found


def test_unattributed_follow_on_paragraph(articles: list[DemoArticle]) -> None:
    found = False
    for article in articles:
        paragraphs = _paragraphs(article.text)
        for before, follow in itertools.pairwise(paragraphs):
            attributed = re.search(r"\b(said|added|told)\b", before) and '"' in before
            bare = re.fullmatch(r'"[^"]+"', follow) and not re.search(r"\b(said|added|told)\b", follow)
            if attributed and bare:
                found = True
    assert found


def test_british_single_quotes_with_apostrophes_inside(by_outlet: dict[str, str]) -> None:
    herald = by_outlet["The Albion Herald"]
    assert not re.search(r'"[A-Z][^"]{20,}"', herald.replace('"routine"', ""))
    match = re.search(r"'The workers' union[^\n]*?'90s[^\n]*?don't[^\n]*?,' he said", herald)
    assert match, "the union quote must keep its apostrophes inside single marks"


def test_curly_and_straight_marks_mixed_in_one_quote(all_text: str) -> None:
    assert re.search(r"“[^\"”\n]+\"", all_text)


def test_nested_quotes_both_ways(all_text: str) -> None:
    assert re.search(r"\"[^\"\n]*'routine'[^\"\n]*\"", all_text)
    assert re.search(r"'[^'\n]*\"routine\"[^'\n]*'", all_text)


def test_speaker_forms(all_text: str, by_outlet: dict[str, str]) -> None:
    for pattern in (r"\bhe said\b", r"\bshe added\b", r"\bthe mayor said\b", r"\bthe port chief added\b"):
        assert re.search(pattern, all_text), pattern
    assert re.search(r"[Tt]he head of the port authority, Henrik Sallow,", all_text)
    for form in ("Dr Mirela Oskany", "Ms Oskany", "Oskany said", "Dr. Mirela Oskany"):
        assert form in all_text, form
    # The witness is named first and then referred to as "she".
    ebc = by_outlet["EBC News"]
    assert ebc.index("Petra Lind") < ebc.index("she told EBC News")


def test_fragment_scare_quotes(all_text: str) -> None:
    fragments = re.findall(r"[\"']([^\"'\n]{2,40})[\"'][ .,]", all_text)
    short = [f for f in fragments if len(f.split()) < 4 and not f[0].isupper()]
    assert {"contained", "negligence", "in close touch", "shoulder to shoulder"} <= set(short)


def test_headings_in_quotes_and_read_more_line(all_text: str) -> None:
    lines = [line.strip() for line in all_text.splitlines()]
    headings = [line for line in lines if re.fullmatch(r"[\"'][A-Z][^\"'.,]*[\"']", line)]
    assert len(headings) >= 2
    assert any(re.fullmatch(r"Read more: '[^']+'", line) for line in lines)


def test_page_chrome_in_one_article(articles: list[DemoArticle]) -> None:
    with_chrome = [
        a
        for a in articles
        if re.search(r"^\d+ min read$", a.text, re.M)
        and re.search(r"^[A-Z][^\n]+ \[[^\]\n]+\]$", a.text, re.M)
        and re.search(r"^Share this article$", a.text, re.M)
    ]
    assert len(with_chrome) == 1


def test_spelling_and_name_variants(all_text: str) -> None:
    for a, b in [
        ("organise", "organize"),
        ("neighbouring", "neighboring"),
        ("Yevgeny Dravik", "Evgeny Dravik"),
        ("Ardenya", "Ardenia"),
    ]:
        assert re.search(rf"\b{a}\b", all_text) and re.search(rf"\b{b}\b", all_text), (a, b)


def test_identical_trimmed_and_retranslated_quotes(by_outlet: dict[str, str]) -> None:
    wire = by_outlet["Meridian Wire"]
    sallow = re.search(r'"(The fire spread[^"]+)"', wire)
    assert sallow
    sentences = re.split(r"(?<=[.,])\s+(?=[A-Z])", sallow.group(1))
    assert len(sentences) == 3
    herald = by_outlet["The Albion Herald"]
    # The British paper drops the middle sentence and keeps the other two.
    assert sentences[0] in herald and sentences[1] not in herald
    assert sentences[2].rstrip(",") in herald
    darkest = "This is the darkest day our city has known in a generation"
    assert sum(darkest in text for text in by_outlet.values()) >= 3
    # Two renderings of the same foreign minister's words share few words.
    wire_words = set(_words(re.search(r'"(Ardenya stands[^"]+)"', wire).group(1)))
    ledger = by_outlet["The Hudson Ledger"]
    ledger_words = set(_words(re.search(r'"(Ardenia stands[^"]+)"', ledger).group(1)))
    assert len(wire_words & ledger_words) / len(wire_words | ledger_words) < 0.5


# --- figure conventions --------------------------------------------------------------------------------------


def test_figure_conventions(all_text: str) -> None:
    for pattern in [
        r"At least 41 people",
        r"\bkilling 47 people",
        r"including 9 children",
        r"[Bb]etween 200 and 300",
        r"three days of (?:national )?mourning",
        r"£12m\b",
        r"12 million pounds",
        r"\b35mm\b",
        r"35 millimetres",
        r"\d+%",
        r"\d+ percent",
        r"March 12",
        r"12 March",
    ]:
        assert re.search(pattern, all_text), pattern


def test_regional_paper_is_a_near_copy_of_the_wire(by_outlet: dict[str, str]) -> None:
    def share(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()

    wire, regional = by_outlet["Meridian Wire"], by_outlet["Drenna Coast Courier"]
    assert 0.75 <= share(wire, regional) <= 0.95
    others = [
        text for outlet, text in by_outlet.items() if outlet not in {"Meridian Wire", "Drenna Coast Courier"}
    ]
    assert all(share(wire, other) < 0.5 for other in others)


# --- annotations stay in step with the texts -----------------------------------------------------------------


def _starts(text: str) -> set[tuple[str, ...]]:
    """Every word-position suffix start, as six-word tuples, for prefix look-ups."""
    words = _words(text)
    return {tuple(words[i : i + 6]) for i in range(len(words))}


def _contains_prefix(text: str, first_words: str) -> bool:
    wanted = tuple(_words(first_words))
    # A quote split by its attribution ("We will," she said, "not ...") is annotated by its joined words.
    joined = re.sub(r',"\s+[^"\n]{1,40}?,\s+"', " ", text)
    return any(start[: len(wanted)] == wanted for start in _starts(text) | _starts(joined))


def _check_annotations(doc: dict, bodies: dict[str, str]) -> None:
    assert set(doc["articles"]) == set(bodies)
    for name, gold in doc["articles"].items():
        body = bodies[name]
        for quote in gold["quotes"]:
            assert len(_words(quote["first_words"])) <= 6
            assert _contains_prefix(body, quote["first_words"]), (name, quote["first_words"])
            for sentence in quote.get("sentences", []):
                assert _contains_prefix(body, sentence), (name, sentence)
        for heading in gold["headings"]:
            assert _contains_prefix(body, heading), (name, heading)
        for figure in gold["figures"] + gold.get("optional_figures", []) + gold.get("chrome_figures", []):
            context = figure.get("at", figure["text"])
            assert context in body and figure["text"] in context, (name, figure)
    located = {(name, q["first_words"]) for name, gold in doc["articles"].items() for q in gold["quotes"]}
    located |= {
        (name, s)
        for name, gold in doc["articles"].items()
        for q in gold["quotes"]
        for s in q.get("sentences", [])
    }
    for statement in doc["statements"]:
        assert len(statement["members"]) >= 2
        for name, first_words in statement["members"]:
            assert _contains_prefix(bodies[name], first_words), (name, first_words)
    for pair in doc["traps"]:
        for name, first_words in pair:
            assert _contains_prefix(bodies[name], first_words), (name, first_words)
    texts = {(name, f["text"]) for name, gold in doc["articles"].items() for f in gold["figures"]}
    for group in doc["figure_groups"]:
        assert group["status"] in {"agree", "conflict", "single"}
        for member in group["members"]:
            assert tuple(member) in texts, member
    for pair in doc["figure_traps"]:
        for member in pair:
            assert tuple(member) in texts, member
    assert located


def test_demo_annotations_match_the_demo_texts() -> None:
    doc = json.loads((ANNOTATIONS / "demo.json").read_text(encoding="utf-8"))
    _check_annotations(doc, _demo_bodies())
    assert doc["near_copies"] == [["01_meridian-wire.md", "04_drenna-coast-courier.md"]]


def _demo_bodies() -> dict[str, str]:
    return {
        name: article.text for (name, _), article in zip(demo_article_files(), demo_articles(), strict=True)
    }


def test_seed_annotations_match_the_seed_texts() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    doc = json.loads((ANNOTATIONS / "seeds.json").read_text(encoding="utf-8"))
    bodies = {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
    _check_annotations(doc, bodies)


def test_demo_copies_no_seed_sentence() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds is not beside the repository")
    seed_shingles: set[tuple[str, ...]] = set()
    for path in SEEDS.glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        seed_shingles |= {tuple(words[i : i + 10]) for i in range(len(words) - 9)}
    for name, raw in demo_article_files():
        words = _words(raw)
        copied = [
            words[i : i + 10] for i in range(len(words) - 9) if tuple(words[i : i + 10]) in seed_shingles
        ]
        assert not copied, (name, copied[:1])

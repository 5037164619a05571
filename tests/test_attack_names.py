"""Hostile runs of names found by the session's second outside attack (quote marks, speakers, page furniture
changed since the first): thousands of bodies joined by "and", a capitalised run of thousands of words,
thousands of titled people, sentences of stacked possessives. Work is counted, never timed (speed targets
live in bench/attack.py); the answers stay what a news article gets."""

from __future__ import annotations

import itertools

import pytest
from fastapi.testclient import TestClient

from app.core import org_identity
from app.core.quotes import extract_quotes, people, salience

# Syllables that differ in every letter: no two invented names are one typo apart (one surname to the app).
SYLLABLES = ["kal", "mor", "tun", "bes", "dif", "gop", "hux", "ryv"]


def invented_names(count: int) -> list[str]:
    """Distinct invented surnames ("Kalen", "Moren", "Kalmoren", ...): no two one typo apart."""
    names = []
    for k in itertools.count():
        word, n = "", k
        while True:
            word += SYLLABLES[n % len(SYLLABLES)]
            n //= len(SYLLABLES)
            if n == 0:
                break
        names.append((word + "en").capitalize())
        if len(names) == count:
            return names
    return names


# ---------------------------------------------------------------- bodies joined by "and"


def test_thousands_of_bodies_joined_by_and_are_read_without_recursion() -> None:
    """'Vale Airlines and Vale Airlines and ...': each body split off the run in a loop (the recursion it
    replaced exhausted Python's stack at about a thousand, a 500 on the API)."""
    org_identity.article_bodies.cache_clear()
    body = '"We will fly again," said ' + "Vale Airlines and " * 1500 + "Norland Airlines."
    found = org_identity.article_bodies(body)
    assert len(found.bodies) == 1501
    assert found.bodies[0].name == "Vale Airlines" and found.bodies[-1].name == "Norland Airlines"


def test_two_bodies_and_a_body_with_and_in_its_name_keep_their_reading() -> None:
    org_identity.article_bodies.cache_clear()
    names = [b.name for b in org_identity.article_bodies("Vale Airways and Norland Airlines said no.").bodies]
    assert names == ["Vale Airways", "Norland Airlines"]
    org_identity.article_bodies.cache_clear()
    names = [b.name for b in org_identity.article_bodies("The Fish and Wildlife Service said no.").bodies]
    assert names == ["Fish and Wildlife Service"]


def words_given_to_org_kind(monkeypatch: pytest.MonkeyPatch, body: str) -> int:
    read = 0
    original = org_identity.org_kind

    def counting(name: str) -> str | None:
        nonlocal read
        read += len(name.split())
        return original(name)

    monkeypatch.setattr(org_identity, "org_kind", counting)
    org_identity.article_bodies.cache_clear()
    org_identity.article_bodies(body)
    monkeypatch.setattr(org_identity, "org_kind", original)
    return read


def test_a_long_capitalised_run_is_searched_for_a_body_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The longest start of a run that names a body ('All Nippon Airways Flight 175') is looked for among
    starts of at most a body name's length: a run of thousands of capitalised words was read once per word."""
    small = words_given_to_org_kind(monkeypatch, " ".join(invented_names(100)) + " said no.")
    large = words_given_to_org_kind(monkeypatch, " ".join(invented_names(800)) + " said no.")
    assert small > 0
    assert large <= 10 * small  # linear: 8x the words; every start of the run grew it 64x


def test_a_body_at_the_start_of_a_longer_run_is_still_found() -> None:
    org_identity.article_bodies.cache_clear()
    found = org_identity.article_bodies("Jo Roe met All Nippon Airways Flight Crew Team members.")
    assert [b.name for b in found.bodies] == ["All Nippon Airways"]


# ---------------------------------------------------------------- thousands of titled people


def comparisons(monkeypatch: pytest.MonkeyPatch, body: str) -> int:
    count = 0
    original = people._same_person

    def counting(a: list[str], b: list[str]) -> bool:
        nonlocal count
        count += 1
        return original(a, b)

    monkeypatch.setattr(people, "_same_person", counting)
    extract_quotes(body)
    monkeypatch.setattr(people, "_same_person", original)
    return count


def titled(names: list[str]) -> str:
    return "".join(f"Mr. {name} met Mr. {name}. " for name in names)


def test_thousands_of_titled_people_cost_linear_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each new name was compared with every person met so far: quadratic in a text of titled names."""
    small = comparisons(monkeypatch, titled(invented_names(300)))
    large = comparisons(monkeypatch, titled(invented_names(1200)))
    assert small > 0
    assert large <= 8 * small  # 4x the names: about 5x the comparisons now, 16x before the bound


def test_the_registry_is_bounded_and_an_article_s_people_are_all_kept() -> None:
    assert len(people._harvest_people(titled(invented_names(400))).people) == people._MAX_PEOPLE
    # An article's few tens of people stay, and a quote after them still finds its speaker.
    cast = invented_names(40)
    body = titled(cast) + f'"We will rebuild the pier," said Mr. {cast[-1]}.'
    assert len(people._harvest_people(body).people) == 40
    assert extract_quotes(body)[-1].speaker == cast[-1]


# ---------------------------------------------------------------- stacked possessives


def test_the_subject_s_modifier_runs_are_read_once() -> None:
    """A modifier's capitalised run is an atomic group: re-splitting 'Ann's Ann's ...' (fifty of them) into
    one to four modifiers cost about a second per sentence, minutes for an article of such sentences."""
    assert "(?>" in salience._SUBJECT.pattern


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Jo Roe spoke. Then Acme\'s Kim Lee took the floor. "We are done," she said.', "Kim Lee"),
        ('Tom Brandt spoke. Later, Acme Corp\'s Kim Lee took the floor. "We are done," she said.', "Kim Lee"),
        (
            'Tom Brandt spoke. Later, Florida developer Mel Sembler spoke. "We are done," he said.',
            "Mel Sembler",
        ),
    ],
)
def test_a_possessive_or_a_role_before_the_subject_keeps_it_in_focus(text: str, speaker: str) -> None:
    assert extract_quotes(text)[-1].speaker == speaker


def test_sentences_of_stacked_possessives_are_stored(client: TestClient, event_slug: str) -> None:
    text = ("Ann's " * 50 + 'plan stood. "We will go," he said. ') * 6
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "Pier News", "text": text})
    assert response.status_code == 201, response.text


def test_a_sentence_of_thousands_of_joint_bodies_is_stored(client: TestClient, event_slug: str) -> None:
    text = '"We will fly again," said ' + "Vale Airlines and " * 1500 + "Norland Airlines."
    response = client.post(f"/api/events/{event_slug}/articles", json={"outlet": "Air News", "text": text})
    assert response.status_code == 201, response.text

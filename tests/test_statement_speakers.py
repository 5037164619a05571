"""Statements keep who each outlet named: one sentence attributed to two people is one statement."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.test_api import post_article

SENTENCE = "The harbour wall will be rebuilt in stone before the winter storms arrive."


def test_one_sentence_two_attributions_is_one_statement_with_both_speakers(
    client: TestClient, event_slug: str
) -> None:
    first = post_article(
        client, event_slug, outlet="Harbour Daily", text=f'"{SENTENCE}" Mayor Lena Ortiz said on Monday.'
    )
    second = post_article(
        client, event_slug, outlet="Coast Times", text=f'"{SENTENCE}" harbour master Jon Eriksen said.'
    )
    third = post_article(
        client, event_slug, outlet="Bay Herald", text=f'"{SENTENCE}" Lena Ortiz told the council.'
    )
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    shared = [
        s
        for s in statements
        if {m["article_id"] for m in s["members"]} == {first["id"], second["id"], third["id"]}
    ]
    assert len(shared) == 1, statements
    statement = shared[0]
    assert {m["outlet"]: m["speaker"] for m in statement["members"]} == {
        "Harbour Daily": "Lena Ortiz",
        "Coast Times": "Jon Eriksen",
        "Bay Herald": "Lena Ortiz",
    }
    assert statement["speakers"] == [
        {"speaker": "Lena Ortiz", "outlets": ["Bay Herald", "Harbour Daily"]},
        {"speaker": "Jon Eriksen", "outlets": ["Coast Times"]},
    ]
    assert statement["speaker"] == "Lena Ortiz"


def test_a_sentence_of_one_content_word_joins_a_longer_version_posted_after_it(
    client: TestClient, event_slug: str
) -> None:
    # The stored sentence is the shorter one: the index must offer it on its one shared content word.
    first = post_article(
        client,
        event_slug,
        outlet="Harbour Daily",
        text='"We are only here for the harvest." Lena Ortiz said.',
    )
    second = post_article(
        client,
        event_slug,
        outlet="Coast Times",
        text='"We are only here for the harvest, we are only farmers." Lena Ortiz said.',
    )
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    assert any({m["article_id"] for m in s["members"]} == {first["id"], second["id"]} for s in statements)


def test_a_copy_also_joins_the_longer_version_printed_beside_its_first_copy(
    client: TestClient, event_slug: str
) -> None:
    # The first outlet prints the short sentence and, in another paragraph, the longer one that holds it;
    # one article's two sentences are never linked, but the second outlet's copy of the short one is.
    first = post_article(
        client,
        event_slug,
        outlet="Harbour Daily",
        text=(
            '"The harbour board ignored every warning, and the wall was never repaired." Lena Ortiz said.\n\n'
            'Later she repeated: "The wall was never repaired."'
        ),
    )
    second = post_article(
        client, event_slug, outlet="Coast Times", text='"The wall was never repaired." Lena Ortiz said.'
    )
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    texts = {
        frozenset((m["article_id"], m["text"]) for m in s["members"])
        for s in statements
        if len(s["members"]) > 1
    }
    longer = (first["id"], "The harbour board ignored every warning, and the wall was never repaired.")
    assert any(
        longer in members and (second["id"], "The wall was never repaired.") in members for members in texts
    )


def test_a_whole_sentence_of_three_words_joins_the_sentence_it_opens(
    client: TestClient, event_slug: str
) -> None:
    # A quotation of three words is a fragment, but a whole sentence ("Drivers should drive.") is what
    # another outlet prints as the opening clause of a longer one; words lifted from a sentence are not.
    first = post_article(
        client,
        event_slug,
        outlet="Harbour Daily",
        text='"This is not about every driver," Lena Ortiz said. "Drivers should drive." She called it "a costly trick".',
    )
    second = post_article(
        client,
        event_slug,
        outlet="Coast Times",
        text='"Drivers should drive, but if the union agrees the depot will open on Sundays," Lena Ortiz said.',
    )
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    joined = [s for s in statements if {m["article_id"] for m in s["members"]} == {first["id"], second["id"]}]
    assert [sorted(m["text"] for m in s["members"]) for s in joined] == [
        [
            "Drivers should drive, but if the union agrees the depot will open on Sundays",
            "Drivers should drive.",
        ]
    ]
    assert not any("costly trick" in m["text"] for s in statements for m in s["members"])


def test_a_body_and_the_person_another_outlet_names_share_a_trimmed_statement(
    client: TestClient, event_slug: str
) -> None:
    # "the Vale Ferry Company said" in one outlet, a person named in another: a body speaks through
    # people, so a word-for-word trim links them (two people named for it would not: test_align).
    first = post_article(
        client,
        event_slug,
        outlet="Harbour Daily",
        text='"We are under a lot of pressure from the insurers this winter." the Vale Ferry Company said.',
    )
    second = post_article(
        client,
        event_slug,
        outlet="Coast Times",
        text='"We are under pressure from the insurers," Jon Eriksen said.',
    )
    statements = client.get(f"/api/events/{event_slug}/statements").json()
    shared = [s for s in statements if {m["article_id"] for m in s["members"]} == {first["id"], second["id"]}]
    assert len(shared) == 1, statements
    assert {m["outlet"]: m["speaker"] for m in shared[0]["members"]} == {
        "Harbour Daily": "the Vale Ferry Company",
        "Coast Times": "Jon Eriksen",
    }

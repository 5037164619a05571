"""One tag with thousands of distinct attributes: libxml2 (under trafilatura) compares each attribute with
every earlier one, so a megabyte of `<p a0=1 a1=1 ...>` held a worker for minutes. Such HTML is refused on a
one-pass count first (quotes understood, so `>` inside a value cannot hide attributes from it); real pages,
same-name runs and malformed quotes go through in linear time."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from app.services import validation
from app.services.errors import BadInput, TooLarge
from tests.conftest import unique_title

PAGE = (
    '<html><head><title>Ferry service resumes</title><meta name="description" content="A b > c d e f g.">'
    '</head><body><article class="story main" data-id="7"><h1 id="top">Ferry service resumes</h1>'
    '<p class="lead">"The crossing is safe again," said harbour master Ida Holm on Saturday.</p>'
    "<p style='color: red' title='a > b'>Some 1,200 passengers travelled on the first day.</p>"
    "<img src=a.png alt=ferry hidden><br/></article></body></html>"
)


def distinct_attributes(count: int, value: str = "1") -> str:
    return "<p " + " ".join(f"a{i}={value}" for i in range(count)) + ">"


def test_a_real_page_passes() -> None:
    validation.check_html_tags(PAGE)
    validation.check_html_tags(distinct_attributes(2000))


@pytest.mark.parametrize("value", ["1", '"x > y"', "'>'", "a=b"])
def test_a_tag_with_too_many_distinct_attributes_is_refused(value: str) -> None:
    with pytest.raises(BadInput, match="more than 2,000 attributes"):
        validation.check_html_tags("<html><body>" + distinct_attributes(2001, value) + "a.</p>")


def test_valueless_attributes_count_too() -> None:
    with pytest.raises(BadInput, match="<section> tag"):
        validation.check_html_tags("<section " + " ".join(f"b{i}" for i in range(2001)) + ">")


@pytest.mark.parametrize(
    "html",
    [
        "<p " + "a=1 " * 250_000 + ">",  # one name again and again: no cost to libxml2 either
        '<p a="' + ' <b c="' * 150_000,  # quotes that pair up across tags, the last one never closes
        "<p a=" + "'<b c=" * 150_000,
        "<" * 1_000_000,
        "<a" * 500_000,
        "<p " + "=" * 1_000_000,
        '<p class="x" id="y">Some text.</p>' * 30_000,
        "<p>" + "a < b, " * 150_000,  # a "<" that opens no tag
    ],
)
def test_hostile_shapes_take_linear_time(html: str) -> None:
    began = time.monotonic()
    validation.check_html_tags(html)
    assert time.monotonic() - began < 3


def test_the_api_refuses_such_html_at_once(sqlite_client: TestClient) -> None:
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Tags")}).json()["slug"]
    html = "<html><body><p>Harbour report.</p>" + distinct_attributes(100_000) + "a.</p></body></html>"
    began = time.monotonic()
    response = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Port News", "html": html})
    assert response.status_code == 422, response.text
    assert "attributes" in response.json()["detail"]
    assert time.monotonic() - began < 5  # libxml2 took minutes over this page
    response = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Port News", "html": PAGE})
    assert response.status_code == 201, response.text


def test_a_page_of_too_many_tags_is_refused_before_it_is_parsed(sqlite_client: TestClient) -> None:
    """A quarter of a million "<br>" (just under the HTML size limit) took trafilatura over a minute."""
    validation.check_html_tags("<p>a" + "<br>" * 39_990 + "b.</p>")
    with pytest.raises(TooLarge, match="more than 40,000 tags"):
        validation.check_html_tags("<p>a" + "<br>" * 40_000 + "b.</p>")
    slug = sqlite_client.post("/api/events", json={"title": unique_title("Tags")}).json()["slug"]
    html = "<html><body><p>Harbour report.</p><p>a" + "<br>" * 240_000 + "b.</p></body></html>"
    began = time.monotonic()
    response = sqlite_client.post(f"/api/events/{slug}/articles", json={"outlet": "Port News", "html": html})
    assert response.status_code == 413, response.text
    assert "tags" in response.json()["detail"]
    assert time.monotonic() - began < 5

"""Property tests of quote extraction: it never raises, and every offset points at the text it claims."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.quotes import extract_quotes
from app.core.records import Quote


def _assert_offsets(body: str, quotes: list[Quote]) -> None:
    previous_start, previous_end = -1, -1
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert quote.parts and quote.start == quote.parts[0].start and quote.end == quote.parts[-1].end
        # In body order and never overlapping, except a short quotation nested inside the one before.
        if quote.start < previous_end:
            assert quote.fragment and len(quote.parts) == 1
            assert previous_start < quote.start and quote.end <= previous_end
        else:
            previous_start, previous_end = quote.start, quote.end
        pieces = [body[p.start : p.end] for p in quote.parts]
        assert all(pieces)
        if len(quote.parts) == 1:
            assert quote.text == body[quote.start : quote.end]
        # The text is the pieces joined by a space (split quote) or a blank line (across paragraphs).
        rest = quote.text
        for piece in pieces:
            assert rest.startswith(piece)
            rest = rest[len(piece) :]
            if rest:
                assert rest.startswith((" ", "\n\n"))
                rest = rest[2:] if rest.startswith("\n\n") else rest[1:]
        assert rest == ""
        assert quote.fragment == (len(quote.text.split()) < 4)
        for sentence in quote.sentences:
            sentence_pieces = [body[p.start : p.end] for p in sentence.parts]
            assert sentence.text == " ".join(sentence_pieces)
            assert sentence.start == sentence.parts[0].start and sentence.end == sentence.parts[-1].end
            assert all(quote.start <= p.start <= p.end <= quote.end for p in sentence.parts)
            if len(sentence.parts) == 1:
                assert sentence.text == body[sentence.start : sentence.end]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_arbitrary_unicode(body: str) -> None:
    _assert_offsets(body, extract_quotes(body))


_PIECES = st.sampled_from(
    [
        '"',
        "'",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "‹",
        "›",
        "‚",
        " ",
        "  ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "?",
        "—",
        "said",
        "he said",
        ", she said, ",
        "Lavrov",
        "Mayor Lena Ortiz",
        "the minister added",
        "according to",
        "don't",
        "workers'",
        "'90s",
        "Türkiye's",
        "We",
        "will",
        "not",
        "back",
        "down",
        "Read more:",
        "Mr.",
        "U.S.",
        "1.2",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_offsets_hold_on_random_mixes_of_marks_and_words(body: str) -> None:
    _assert_offsets(body, extract_quotes(body))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(['"', "“", "'", "‘", "«"]),
            st.lists(
                st.sampled_from(["we", "will", "don't", "'blame'", "rise", "Ankara's"]),
                min_size=1,
                max_size=8,
            ),
            st.sampled_from(['"', "”", "'", "’", "»", ""]),
            st.sampled_from([" he said.", ", she said, ", ". ", "\n\n", "\n"]),
        ),
        max_size=8,
    )
)
def test_offsets_hold_on_structured_quotes(chunks: list[tuple[str, list[str], str, str]]) -> None:
    body = "".join(open_ + " ".join(words) + close + tail for open_, words, close, tail in chunks)
    _assert_offsets(body, extract_quotes(body))

"""Work bound found by the outside attack (issue 11), counted, never timed: attribution tries a bounded
number of verbs per quotation, however many verbs its look-back window holds."""

from __future__ import annotations

import pytest

from app.core.quotes import context, mention_after, mention_before, mentions
from app.core.quotes.assemble import extract_quotes


def count_mentions_tried(monkeypatch: pytest.MonkeyPatch, body: str) -> tuple[int, int]:
    calls = 0
    original = mentions.clean_mention

    def counting(text: str) -> str:
        nonlocal calls
        calls += 1
        return original(text)

    # Every module that cleans a mention counts, wherever attribution finds one.
    users = (mention_before, mention_after, context)
    for module in users:
        monkeypatch.setattr(module, "clean_mention", counting)
    quotes = extract_quotes(body)
    for module in users:
        monkeypatch.setattr(module, "clean_mention", original)
    return calls, len(quotes)


@pytest.mark.parametrize("unit", ['said "a" ', "told “b” ", 'added "c," said '])
def test_attribution_tries_a_bounded_number_of_verbs_per_quote(
    monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    # Every word in the look-back window is an attribution verb: without a bound each quotation would try
    # them all (about 60 per 600-character window). The small body is longer than the window, so that both
    # bodies pay the full window per quote and only a super-linear cost can break the ratio.
    small_calls, small_quotes = count_mentions_tried(monkeypatch, "Start " + unit * 120)
    large_calls, large_quotes = count_mentions_tried(monkeypatch, "Start " + unit * 480)
    assert small_quotes > 20 and large_quotes > 8 * 20
    bound = 3 * 8  # a few verbs each for the look-back, the next sentence and the sentence subject
    assert large_calls <= bound * large_quotes
    # Linear: the tries per quotation barely grow with the article (a quadratic pass would grow them 8x). The
    # first quotations of a report have fewer earlier mentions to try, so the rate is compared, not the totals.
    assert large_calls / large_quotes <= 1.5 * max(small_calls / small_quotes, 1)


def test_quote_limit_refuses_before_any_attribution(monkeypatch: pytest.MonkeyPatch) -> None:
    """A run of quotations past the limit is refused once the marks are paired: no quotation is attributed."""
    from app.core.quotes import TooManyQuotes, assemble, extract_quotes

    attributed: list[object] = []
    real_attribute = assemble.attribute
    monkeypatch.setattr(
        assemble, "attribute", lambda *a, **k: attributed.append(a) or real_attribute(*a, **k)
    )
    body = '"We will not close the harbour," said Ann Lee. ' * 30
    with pytest.raises(TooManyQuotes) as refused:
        extract_quotes(body, max_quotes=20)
    assert refused.value.count == 30
    assert attributed == []
    assert len(extract_quotes(body, max_quotes=30)) == 30
    assert len(attributed) == 30

"""Grouping keys are computed by the server's worker threads at once: each must get the one-thread answer."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from app.core.figures.keys import counted_key

PHRASES = [
    f"{word} residents number {n}" for n in range(300) for word in ("evacuated", "hospitalised", "injured")
]


@pytest.fixture
def frequent_thread_switches() -> Iterator[None]:
    # Switch threads every microsecond so that two of them interleave inside one word's stemming.
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def test_counted_keys_from_many_threads_match_one_thread(frequent_thread_switches: None) -> None:
    counted_key.cache_clear()
    expected = [counted_key.__wrapped__(phrase) for phrase in PHRASES]
    failures: list[str] = []

    def work() -> None:
        try:
            if [counted_key.__wrapped__(phrase) for phrase in PHRASES] != expected:
                failures.append("another key")
        except Exception as error:  # any error in a worker thread is the failure to report
            failures.append(repr(error))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_a_stem_that_is_a_predicate_form_is_read_as_its_frame_so_a_key_is_its_own_key() -> None:
    from app.core.figures import counted_key

    key = counted_key("DEADY")
    assert key == counted_key(key) == "killed"

"""Every URL the app links to is built here, never with string formatting in templates."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import quote, urlencode

_COMPARE_KEYS = "abcdefghij"


def _q(params: Mapping[str, object]) -> str:
    clean = {k: v for k, v in params.items() if v is not None and v != ""}
    return ("?" + urlencode(clean)) if clean else ""


class Urls:
    def index(self) -> str:
        return "/"

    def new_event(self) -> str:
        return "/events"

    def event(self, slug: str, **params: object) -> str:
        return f"/events/{quote(slug)}" + _q(params)

    def edit_event(self, slug: str) -> str:
        return f"/events/{quote(slug)}/edit"

    def article(self, slug: str, article_id: int) -> str:
        return f"/events/{quote(slug)}/articles/{article_id}"

    def copy_diff(self, slug: str, article_id: int, other_id: int, **params: object) -> str:
        return f"/events/{quote(slug)}/articles/{article_id}/diff/{other_id}" + _q(params)

    def new_article(self, slug: str) -> str:
        return f"/events/{quote(slug)}/articles/new"

    def upload(self, slug: str) -> str:
        return f"/events/{quote(slug)}/articles"

    def preview(self, slug: str) -> str:
        return f"/events/{quote(slug)}/articles/preview"

    def compare(self, slug: str, article_ids: Iterable[int], **params: object) -> str:
        ids = {_COMPARE_KEYS[i]: article_id for i, article_id in enumerate(list(article_ids)[:10])}
        return f"/events/{quote(slug)}/compare" + _q({**ids, **params})

    def statement(self, slug: str, statement_id: int, **params: object) -> str:
        return f"/events/{quote(slug)}/statements/{statement_id}" + _q(params)

    def figure_group(self, slug: str, group_id: int) -> str:
        """The ledger showing one figure group, scrolled to it: where a figure in an article's text links."""
        return f"/events/{quote(slug)}/figures?_group={group_id}#group-{group_id}"

    def figures(self, slug: str, **params: object) -> str:
        return f"/events/{quote(slug)}/figures" + _q(params)

    def corrections(self, slug: str) -> str:
        return f"/events/{quote(slug)}/corrections"

    def undo_correction(self, slug: str, correction_id: int) -> str:
        return f"/events/{quote(slug)}/corrections/{correction_id}/undo"

    def timeline(self, slug: str, **params: object) -> str:
        return f"/events/{quote(slug)}/timeline" + _q(params)

    def omissions(self, slug: str, **params: object) -> str:
        return f"/events/{quote(slug)}/omissions" + _q(params)

    def delete_article(self, slug: str, article_id: int) -> str:
        return f"/events/{quote(slug)}/articles/{article_id}/delete"

    def edit_article(self, slug: str, article_id: int) -> str:
        return f"/events/{quote(slug)}/articles/{article_id}/edit"

    def rename_speaker(self, slug: str) -> str:
        return f"/events/{quote(slug)}/speakers/rename"

    def split_sentence(self, slug: str, statement_id: int) -> str:
        return f"/events/{quote(slug)}/statements/{statement_id}/split"

    def join_statements(self, slug: str, statement_id: int) -> str:
        return f"/events/{quote(slug)}/statements/{statement_id}/join"

    def dismiss_figure(self, slug: str, figure_id: int) -> str:
        return f"/events/{quote(slug)}/figures/{figure_id}/dismiss"

    def outlets(self, slug: str) -> str:
        return f"/events/{quote(slug)}/outlets"

    def edit_outlet(self, slug: str) -> str:
        return f"/events/{quote(slug)}/outlets"

    def speakers(self, slug: str) -> str:
        return f"/events/{quote(slug)}/speakers"

    def fidelity(self, slug: str, **params: object) -> str:
        return f"/events/{quote(slug)}/fidelity" + _q(params)

    def api_fidelity(self, slug: str, **params: object) -> str:
        return f"/api/events/{quote(slug)}/fidelity" + _q(params)

    def permalink(self, comparison_id: str, **params: object) -> str:
        return f"/p/{quote(comparison_id)}" + _q(params)

    def share(self) -> str:
        return "/comparisons"

    def static(self, path: str) -> str:
        return f"/static/{path}"

    # JSON twins
    def api_events(self) -> str:
        return "/api/events"

    def api_event(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}"

    def api_articles(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}/articles"

    def api_article(self, slug: str, article_id: int) -> str:
        return f"/api/events/{quote(slug)}/articles/{article_id}"

    def api_quotes(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}/quotes"

    def api_statements(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}/statements"

    def api_figures(self, slug: str, **params: object) -> str:
        return f"/api/events/{quote(slug)}/figures" + _q(params)

    def api_matrix(self, slug: str, **params: object) -> str:
        return f"/api/events/{quote(slug)}/matrix" + _q(params)

    def api_corrections(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}/corrections"

    def api_speakers(self, slug: str) -> str:
        return f"/api/events/{quote(slug)}/speakers"

    def api_compare(self, slug: str, article_ids: Iterable[int]) -> str:
        ids = {_COMPARE_KEYS[i]: article_id for i, article_id in enumerate(list(article_ids)[:10])}
        return f"/api/events/{quote(slug)}/compare" + _q(ids)

    def api_comparison(self, comparison_id: str) -> str:
        return f"/api/comparisons/{quote(comparison_id)}"

    def csv(self, slug: str, table: str, **params: object) -> str:
        return f"/events/{quote(slug)}/{table}.csv" + _q(params)


urls = Urls()
COMPARE_KEYS = _COMPARE_KEYS

"""A length joined to "-page" is that length: "11 100-page reports" are eleven reports of 100 pages (a
space groups thousands in French or Russian, never in front of "-page")."""

from __future__ import annotations

import pytest

from pbi.check.quantities import extract


@pytest.mark.parametrize("text, pages, documents", [
    ("11 100-page reports in one language are estimated to require resources of $263,400", 100, 11),
    ("two 1,200-page documents in six languages", 1200, 2),
    ("a 26-page report processed in Geneva", 26, None),
    ("documentation of 1 200 pages in six languages", 1200, None),
])
def test_the_length_joined_to_page_is_the_length(text: str, pages: int, documents: int | None) -> None:
    q = extract(text)
    assert q["pages"] == pages
    assert q.get("documents") == documents

"""`briefgen seeds add` reads a page's publication date wherever common publishers put it, and a date as pages
print it; each expected value below is the date the document states, written out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefgen.sources.meta import partial_date
from tests.helpers import run


@pytest.mark.parametrize(("printed", "date"), [
    ("2026-11-20", "2026-11-20"), ("2026-11-20T23:30:00-05:00", "2026-11-20"), ("2026-11", "2026-11"),
    ("2026", "2026"), ("D:20261120083000Z", "2026-11-20"), ("20 November 2026", "2026-11-20"),
    ("Friday, 20 November 2026", "2026-11-20"), ("Fri 20 Nov 2026", "2026-11-20"), ("Nov. 20, 2026", "2026-11-20"),
    ("November 20th, 2026", "2026-11-20"), ("1st March 2026", "2026-03-01"), ("Sept. 3, 2026", "2026-09-03"),
    ("20 Nov, 2026", "2026-11-20"), ("20.11.2026", "2026-11-20"), ("November 2026", "2026-11"),
    ("Thu, 19 Nov 2026 08:00:00 GMT", "2026-11-19"),
])
def test_a_date_as_documents_print_it(printed: str, date: str) -> None:
    assert partial_date(printed) == date


@pytest.mark.parametrize("printed", ["banana", "31 February 2026", "32.01.2026", "Friday", "2026-13-01", ""])
def test_what_is_not_a_date_is_no_date(printed: str) -> None:
    assert partial_date(printed) is None


PAGES = {
    "pandoc": '<meta name="dcterms.date" content="2026-11-20" />',
    "microdata-meta": '<meta itemprop="datePublished" content="2026-11-20T09:00:00Z">',
    "microdata-time": '<p>Posted <time itemprop="datePublished" datetime="2026-11-20">Friday</time></p>',
    "dublin-core-created": '<meta name="DC.date.created" content="20 November 2026">',
    "parsely": '<meta name="parsely-pub-date" content="2026-11-20T08:00:00Z">',
    "online-date": '<meta name="citation_online_date" content="2026/11/20">',
}


@pytest.mark.parametrize("where", sorted(PAGES))
def test_a_page_publication_date_is_offered(where: str, workspace: Path, tmp_path: Path) -> None:
    page = tmp_path / f"{where}.html"
    head, body = (PAGES[where], "") if PAGES[where].startswith("<meta") else ("", PAGES[where])
    page.write_text(f"<html><head><title>Grain moves north</title>{head}</head><body>"
                    f"<h1>Grain moves north</h1>{body}<p>Rail shipments resumed after a six-week halt.</p>"
                    "</body></html>", encoding="utf-8")
    result = run(workspace, "seeds", "add", str(page))
    assert result.exit_code == 0, result.output
    catalogue = yaml.safe_load((workspace / "seeds/sources.yaml").read_text(encoding="utf-8"))
    entry = next(e for e in catalogue["sources"] if e["file"] == page.name)
    assert entry["published"] == "2026-11-20"

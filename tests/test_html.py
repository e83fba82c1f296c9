"""The notebook views: plain captions, sources as links, inclusive last days, a History table."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from typing import Any

import pytest

import pfp

RESULTS: dict[str, Callable[[], Any]] = {
    "roster": lambda: pfp.members_at("1994-08-03"),
    "country set": lambda: pfp.members_at("1994-08-03") - pfp.members_at("1994-01-31"),
    "transitions": lambda: pfp.transitions("2004-01-01", "2004-12-31"),
    "timeline": lambda: pfp.timeline("Malta"),
    "period": lambda: pfp.timeline("Malta")[2],
    "history": pfp.history,
    "source": lambda: pfp.source("seed-19"),
    "event": lambda: pfp.events(country="Malta")[0],
}


class _Tags(HTMLParser):
    """Collects the open tags left unclosed, and each link's href and title."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.captions: list[str] = []
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        if tag == "a":
            self.links.append(dict(attrs))
        self._in_caption = tag == "caption"

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        self._in_caption = False

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.captions.append(data)


def parsed(html: str) -> _Tags:
    """The HTML, parsed: every tag it opens is closed, in order."""
    tags = _Tags()
    tags.feed(html)
    tags.close()
    assert tags.open == []
    return tags


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_every_notebook_view_is_well_formed_with_a_plain_caption(name: str) -> None:
    """Each view is balanced HTML whose caption is words, not a repr in angle brackets."""
    tags = parsed(RESULTS[name]()._repr_html_())
    (caption,) = tags.captions
    assert caption and "<" not in caption and ">" not in caption


def test_the_captions_say_what_the_table_is() -> None:
    """Roster, country set, transitions and timeline each have a caption in plain words."""
    assert parsed(pfp.members_at("1994-08-03")._repr_html_()).captions == [
        "PfP on 1994-08-03: 22 members"
    ]
    few = pfp.members_at("2009-03-31") - pfp.members_at("2009-04-01")
    assert parsed(few._repr_html_()).captions == ["2 states: Albania, Croatia"]
    many = pfp.members_at("1994-08-03") - pfp.members_at("1994-01-31")
    assert parsed(many._repr_html_()).captions == ["20 states"]
    changes = pfp.transitions("2004-01-01", "2004-12-31")
    assert parsed(changes._repr_html_()).captions == ["7 transitions in PfP"]
    (timeline,) = parsed(pfp.timeline("Malta")._repr_html_()).captions
    assert timeline.startswith("Malta in PfP: 6 periods; start and last_day are inclusive")


def test_beyond_the_data_stays_in_the_captions() -> None:
    """A roster, a window of changes and a running period past the review day say so."""
    note = "beyond the data: known to 2024-08-06"
    assert note in parsed(pfp.members_at("2030-01-01")._repr_html_()).captions[0]
    assert note in parsed(pfp.transitions("2024-01-01", "2030-12-31")._repr_html_()).captions[0]
    assert note in parsed(pfp.timeline("Malta")[-1]._repr_html_()).captions[0]
    assert "beyond the data, known to 2024-08-06" in pfp.timeline("Malta")._caption()
    assert "beyond" not in parsed(pfp.members_at("2000-01-01")._repr_html_()).captions[0]


def test_sources_are_links_to_their_documents() -> None:
    """A cited source with an address is a link to it, titled; one without stays its key."""
    tags = parsed(pfp.timeline("Malta")[2]._repr_html_())
    seed18 = pfp.source("seed-18")
    assert {"href": seed18.url, "title": seed18.title} in tags.links
    assert not pfp.source("seed-23").url
    assert "seed-23" in pfp.timeline("Malta")[2]._repr_html_()
    assert pfp.source("seed-23").title not in [link["title"] for link in tags.links]
    roster = parsed(pfp.members_at("1994-08-03")._repr_html_())
    cited = {key for row in pfp.members_at("1994-08-03").to_records() for key in row["sources"]}
    addresses = {pfp.source(key).url for key in cited if pfp.source(key).url}
    assert {link["href"] for link in roster.links} == addresses


def _ampersand_history() -> tuple[pfp.History, pfp.Source]:
    source = pfp.Source(
        "q-1",
        'Q & A: "<Malta>"',
        "P & Q",
        url="https://example.org/doc?a=1&b=<2>",
        archived_url="https://archive.example.org/?u=x&v=y",
    )
    malta = pfp.country("Malta")
    return pfp.History([pfp.Event("1995-04-26", malta, "signature", [source])]), source


def test_links_escape_their_address_and_title() -> None:
    """A source with & and < in its URL and title: escaped in href and title, and read back."""
    history, source = _ampersand_history()
    views = [
        history.transitions()._repr_html_(),
        history.members_at("2000-01-01")._repr_html_(),
        history.timeline("Malta")._repr_html_(),
        history.timeline("Malta")[-1]._repr_html_(),
        history.events()[0]._repr_html_(),
    ]
    for html in views:
        assert 'href="https://example.org/doc?a=1&amp;b=&lt;2&gt;"' in html
        assert 'title="Q &amp; A: &quot;&lt;Malta&gt;&quot;"' in html
        assert "&b=" not in html and "<Malta>" not in html
        assert {"href": source.url, "title": source.title} in parsed(html).links
    record = source._repr_html_()
    assert {link["href"] for link in parsed(record).links} == {source.url, source.archived_url}
    assert "<td>P &amp; Q</td>" in record


def test_only_web_addresses_become_links() -> None:
    """A javascript: or relative address is shown as escaped text, never as a link."""
    for url in ("javascript:alert(1)", "/etc/passwd", "https://x.org/\n<script>"):
        record = pfp.Source("j-1", "t", "p", url=url)._repr_html_()
        assert parsed(record).links == []
        assert "<script>" not in record
        history = pfp.History(
            [
                pfp.Event(
                    "1995-04-26",
                    pfp.country("Malta"),
                    "signature",
                    [pfp.Source("j-1", "t", "p", url=url)],
                )
            ]
        )
        assert parsed(history.transitions()._repr_html_()).links == []


def test_a_period_shows_its_last_day_as_inclusive_and_hints_at_end() -> None:
    """Malta's first membership: last day 1996-10-28 (inclusive); end 1996-10-29, the day after."""
    html = pfp.timeline("Malta")[2]._repr_html_()
    assert parsed(html).captions == ["member from 1995-04-26 to 1996-10-28 (inclusive)"]
    assert re.search(r'<th title="[^"]*inclusive[^"]*">last_day</th><td>1996-10-28</td>', html)
    assert re.search(r'<th title="[^"]*exclusive[^"]*">end</th><td>1996-10-29</td>', html)
    assert pfp.timeline("Malta")[0]._caption() == "not_a_state until 1964-09-20 (inclusive)"
    table = pfp.timeline("Malta")._repr_html_()
    assert re.search(r'<th title="the day after the last day \(exclusive\)[^"]*">end</th>', table)
    assert re.search(r'<th title="the last day of the period \(inclusive\)[^"]*">last_day', table)


def test_the_period_api_is_unchanged() -> None:
    """A Period keeps its API: ``start`` inclusive, ``end`` exclusive, ``last_day`` before it."""
    period = pfp.timeline("Malta")[2]
    assert (str(period.start), str(period.end), str(period.last_day)) == (
        "1995-04-26",
        "1996-10-29",
        "1996-10-28",
    )


def test_a_history_says_what_it_holds() -> None:
    """Its repr and table give the data version, as-of day, counts and default organisation."""
    history = pfp.history()
    text = repr(history)
    assert text.startswith(f"<History: {len(history.events())} events, ")
    assert f"{len(history.organizations())} organisations (default PfP)" in text
    assert f"data {pfp.DATA_VERSION}, complete to {pfp.DATA_AS_OF}" in text
    html = history._repr_html_()
    cells = dict(re.findall(r"<tr><th[^>]*>([^<]+)</th><td>([^<]*)</td></tr>", html))
    assert cells["data version"] == pfp.DATA_VERSION
    assert cells["complete to"] == str(pfp.DATA_AS_OF)
    assert cells["events"] == str(len(history.events()))
    assert cells["states"] == str(len(history.countries()))
    assert cells["organisations"].startswith(f"{len(history.organizations())}: CSTO, ")
    assert cells["default organisation"] == "PfP"
    assert "object at 0x" not in html
    made = pfp.History([])
    assert (
        repr(made)
        == "<History: 0 events, 0 states, 1 organisation (default PfP); data built in code>"
    )
    assert parsed(made._repr_html_()).captions == [
        "pfp history, built in code (not the bundled data)"
    ]

"""Write ``docs/data.md`` from the bundled data: sources, disputes, and the seed's claims checked.

Run from the repository root::

    python docs/gen_data_page.py          # rewrite docs/data.md
    python docs/gen_data_page.py --check  # exit 1 and print a diff if docs/data.md is stale

``tests/test_docs.py`` fails when the committed page differs from what this script writes, so
a data change and its documentation travel together. Every number and list on the page is
computed with the public API; only the seed article's own claims (what it says, and where) and
the account of the research behind the data are written here as text.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import pendulum

import pfp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated_page import write_or_check

PAGE = Path(__file__).with_name("data.md")
"""The page this script writes."""

COMMAND = "python docs/gen_data_page.py"
"""The one command that regenerates the page."""

SIGNATURE_LIST = "seed-23"
"""The seed's reference for NATO's list of signatures of the Framework Document."""

PROGRAMME = "PfP"
"""The organisation whose signatures the evidence table covers."""

# The seed article's tables, as it prints them (blank "became NATO member" cells read as
# "same as above"). Only the seed's own claims are written here; the data's answers are not.
SEED_CURRENT: dict[str, str] = {
    "ARM": "1994-10-05",
    "AUT": "1995-02-10",
    "AZE": "1994-05-04",
    "BLR": "1995-01-11",
    "BIH": "2006-12-14",
    "GEO": "1994-03-23",
    "IRL": "1999-12-01",
    "KAZ": "1994-05-27",
    "KGZ": "1994-06-01",
    "MLT": "1995-04-26",
    "MDA": "1994-03-16",
    "RUS": "1994-06-22",
    "SRB": "2006-12-14",
    "SWE": "1994-05-09",
    "CHE": "1996-12-11",
    "TJK": "2002-02-20",
    "TKM": "1994-05-10",
    "UKR": "1994-02-08",
    "UZB": "1994-07-13",
}
"""The seed's table of current members: state -> PfP membership date."""

SEED_FORMER: dict[str, tuple[str, str]] = {
    "POL": ("1994-02-02", "1999-03-12"),
    "HUN": ("1994-02-08", "1999-03-12"),
    "CZE": ("1994-03-10", "1999-03-12"),
    "ROU": ("1994-01-26", "2004-03-29"),
    "LTU": ("1994-01-27", "2004-03-29"),
    "EST": ("1994-02-03", "2004-03-29"),
    "SVK": ("1994-02-09", "2004-03-29"),
    "LVA": ("1994-02-14", "2004-03-29"),
    "SVN": ("1994-03-30", "2004-03-29"),
    "ALB": ("1994-02-23", "2009-04-01"),
    "HRV": ("2000-05-25", "2009-04-01"),
    "MNE": ("2006-12-14", "2017-06-05"),
    "MKD": ("1995-11-15", "2020-03-27"),
    "FIN": ("1994-05-09", "2023-04-04"),
}
"""The seed's table of former members: state -> (joined PfP, became NATO member)."""

SEED_FORMER_PROSE = frozenset(
    {"ALB", "BGR", "HRV", "CZE", "EST", "FIN", "HUN", "LVA", "LTU", "MNE", "MKD", "POL", "ROU"}
    | {"SVK", "SVN"}
)
"""The fifteen former partners the seed's prose names as having joined NATO."""

SEED_AFFILIATIONS: dict[str, tuple[str, ...]] = {
    "EU": ("AUT", "IRL", "MLT", "SWE"),
    "CSTO": ("ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"),
    "GUAM": ("AZE", "GEO", "MDA", "UKR"),
}
"""The "Notes" column of the seed's current-members table: organisation -> states it names."""


def _as_of() -> pendulum.Date:
    """The latest review day of the organisations: the page's counts are as of it."""
    days = [org.as_of for org in pfp.organizations() if org.as_of is not None]
    return max(days)


def _org_rank(key: str) -> str:
    """Disputes are listed for the PfP first, then NATO, then the other organisations."""
    return {PROGRAMME: "0", "NATO": "1", "": "3"}.get(key, "2" + key)


def _is_seed(key: str) -> bool:
    return key == "seed" or key.startswith("seed-")


def _fmt(day: pendulum.Date | None) -> str:
    """A day in words, as the page writes it: 3 August 1994."""
    return "—" if day is None else f"{day.day} {day.format('MMMM')} {day.year}"


def _when(day: pendulum.Date, precision: pfp.Precision) -> str:
    if precision is pfp.Precision.YEAR:
        return f"{day.year} (year only)"
    if precision is pfp.Precision.MONTH:
        return f"{day.format('MMMM')} {day.year} (month only)"
    return _fmt(day)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _keys(sources: Iterable[pfp.Source]) -> str:
    return ", ".join(f"[`{s.key}`](#source-{s.key})" for s in sources) or "—"


def _names(codes: Iterable[str]) -> str:
    names = sorted(pfp.country(code).name for code in codes)
    if len(names) <= 1:
        return "".join(names) or "none"
    return ", ".join(names[:-1]) + " and " + names[-1]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _events(org: str, kind: str, code: str | None = None) -> list[pfp.Event]:
    return [e for e in pfp.events(country=code) if e.org == org and e.kind.value == kind]


def _accession(code: str) -> pendulum.Date:
    (event,) = _events("NATO", "accession", code)
    return event.date


def _org(*queries: str) -> pfp.Organization | None:
    for query in queries:
        try:
            return pfp.organization(query)
        except pfp.UnknownOrganizationError:
            continue
    return None


# -- sections -----------------------------------------------------------------------------


def _header() -> list[str]:
    return [
        "# The data",
        "",
        f"<!-- Generated by `{COMMAND}` from the bundled data; do not edit by hand. -->",
        "",
        f"This page describes **data version {pfp.DATA_VERSION}**, known complete as of "
        f"**{_fmt(_as_of())}** (`pfp.DATA_VERSION`, `pfp.DATA_AS_OF`). It is generated "
        "from the same files the library reads, so every number below is what `pfp` answers. "
        "To report or correct a date, see [Contributing](contributing.md).",
        "",
    ]


def _overview() -> list[str]:
    events = pfp.events()
    disputed = pfp.disputes()
    lines = [
        "## In numbers",
        "",
        f"The data holds {_count(len(events), 'event')} about "
        f"{_count(len(pfp.countries()), 'state')}, citing "
        f"{_count(len(pfp.sources()), 'source')}; {_count(len(disputed), 'event')} "
        "carry another reading of their date (see [Disputed dates](#disputed-dates)).",
        "",
        f"| Organisation | Key | Followed from | Reviewed to | Events (primary / secondary / "
        f"seed) | States | Members on {_fmt(_as_of())} | suspended |",
        "|---|---|---|---|---:|---:|---:|---:|",
    ]
    for org in pfp.organizations():
        own = [e for e in events if e.org == org.key]
        states = {e.country.iso3 for e in own}
        roster = pfp.members_at(_as_of(), org=org.key)
        reviewed = _fmt(org.as_of) if org.as_of is not None else "its whole life"
        suspended = ", ".join(c.name for c in roster.suspended) or "-"
        grades = " / ".join(
            str(sum(1 for e in own if e.evidence == grade)) for grade in pfp.Evidence
        )
        lines.append(
            f"| {org.name} | `{org.key}` | {_fmt(org.founded)} | {reviewed} | {len(own)} "
            f"({grades}) | {len(states)} | {len(roster)} | {suspended} |"
        )
    signed = {e.country.iso3 for e in _events(PROGRAMME, "signature")}
    graduates = _graduates(PROGRAMME, _as_of())
    lines += [
        "",
        f"{len(signed)} states have signed the PfP Framework Document; "
        f"{len(graduates)} of them have left the programme by joining NATO, and "
        f"{len(pfp.members_at(_as_of()))} are partners on {_fmt(_as_of())}.",
        "",
    ]
    return lines


def _graduates(org: str, day: pendulum.Date) -> set[str]:
    """The states that went from member to NATO member in ``org`` on or before ``day``."""
    return {
        t.country.iso3
        for t in pfp.transitions(None, day, org=org)
        if t.before is pfp.Status.MEMBER and t.after is pfp.Status.NATO_MEMBER
    }


def _research() -> list[str]:
    signatures = _events(PROGRAMME, "signature")
    seed_only = [e for e in signatures if all(_is_seed(s.key) for s in e.sources)]
    backed = [e for e in signatures if not all(_is_seed(s.key) for s in e.sources)]
    lines = [
        "## How the dates were checked",
        "",
        "The data began from the seed article, an encyclopedia snapshot of about 2023 "
        "(source [`seed`](#source-seed); its numbered references are the `seed-N` keys), and "
        "every date was then looked for in NATO's records, government and press reports of the "
        "day, and later official pages. The research had no live web access: it used stored "
        "copies of pages, and often saw only the beginning of a page, so *not seen* below can "
        "mean *not in the part of the page that could be seen*.",
        "",
        "What was **not** found:",
        "",
        "- **NATO's list of signatures of the Partnership for Peace Framework Document** "
        f"(reference [`{SIGNATURE_LIST}`](#source-{SIGNATURE_LIST})), which decides signature "
        "dates, was not found in any stored copy. Copies of the seed's table on encyclopedia "
        "mirrors repeat the seed and were not counted as independent confirmation. So "
        f"{len(seed_only)} of the {len(signatures)} signature days rest on the seed's "
        "reproduction of NATO's list alone: "
        + ", ".join(f"{e.country.name} ({_fmt(e.date)})" for e in seed_only)
        + ".",
        "- NATO's *Member countries* page and the US State Department's status list of the "
        "North Atlantic Treaty (the depositary's record of each founder's ratification) were "
        "not seen; the founders' date of 24 August 1949, the treaty's entry into force, is "
        "taken from secondary copies (see [Disputed dates](#disputed-dates)).",
        "- NATO's relations pages were seen only for Kazakhstan, Switzerland and Tajikistan.",
        "",
        f"What **was** confirmed: {len(backed)} signature days cite at least one source "
        "besides the seed — NATO's chronologies and press releases, government pages, and "
        "reports of the day. Some of those confirm only the month or the order: a White House "
        "fact sheet of 2 March 1994 lists the ten states that had joined by 28 February 1994, "
        "in the seed's order, without their days. The note of each row says which.",
        "",
        "### Signatures of the Framework Document",
        "",
        "| State | Signed | Sources | Beyond the seed | Note |",
        "|---|---|---|---|---|",
    ]
    for event in sorted(signatures, key=lambda e: (e.date, e.country.name)):
        others = [s for s in event.sources if not _is_seed(s.key)]
        beyond = _count(len(others), "source") if others else "**seed only**"
        lines.append(
            f"| {event.country.name} | {_when(event.date, event.precision)} "
            f"| {_keys(event.sources)} | {beyond} | {_cell(event.note)} |"
        )
    return [*lines, ""]


class _Dispute(NamedTuple):
    order: tuple[str, str]
    what: str
    chosen: str
    sources: tuple[pfp.Source, ...]
    alternatives: tuple[pfp.Alternative, ...]


def _disputes() -> list[_Dispute]:
    """Every disputed fact (``pfp.disputes()``), identical disputes of several states merged."""
    merged: dict[tuple[Any, ...], list[str]] = {}
    found: dict[tuple[Any, ...], _Dispute] = {}
    for dispute in pfp.disputes():
        fact = dispute.fact
        key = (
            dispute.org,
            dispute.kind,
            dispute.date,
            tuple((a.date, a.precision, a.reason, a.sources) for a in dispute.alternatives),
        )
        merged.setdefault(key, []).append(dispute.country.name)
        merged[key].sort()
        if dispute.org:
            what = f"{dispute.org} {dispute.kind.replace('_', ' ')}"
        else:
            former, name = getattr(fact, "former_name", ""), getattr(fact, "name", "")
            what = f"renamed from {former} to {name}" if former else dispute.kind
        found.setdefault(
            key,
            _Dispute(
                (_org_rank(dispute.org), dispute.date.isoformat()),
                what,
                _when(dispute.date, fact.precision),
                dispute.sources,
                dispute.alternatives,
            ),
        )
    return sorted(
        found[key]._replace(what=f"{_list(names)}: {found[key].what}")
        for key, names in merged.items()
    )


def _list(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]} ({len(names)} states)"


def _dispute_section() -> list[str]:
    lines = [
        "## Disputed dates",
        "",
        "Where sources disagree, the data keeps one date and records the others with their "
        "sources and the reason for the choice. `pfp.disputes()` lists them, "
        "`Event.alternatives` holds the other readings, and the [user guide](guide.md) shows "
        "how to answer a question under another reading.",
        "",
    ]
    for dispute in _disputes():
        lines += [
            f"### {dispute.what}",
            "",
            f"- **Chosen:** {dispute.chosen} — {_keys(dispute.sources)}",
        ]
        for alternative in dispute.alternatives:
            lines.append(
                f"- **Alternative:** {_when(alternative.date, alternative.precision)} — "
                f"{_keys(alternative.sources)}. {_cell(alternative.reason)}"
            )
        lines.append("")
    return lines


# -- the seed's claims, checked -----------------------------------------------------------


class _Claim(NamedTuple):
    quote: str
    data: str
    verdict: str
    why: str


def _verdict(agrees: bool) -> str:
    return "agrees" if agrees else "**disagrees**"


def _seed_window() -> tuple[pendulum.Date, pendulum.Date]:
    """The days the seed's snapshot can describe: from Finland's NATO accession to Sweden's."""
    return _accession("FIN"), _accession("SWE").subtract(days=1)


def _claim_mid_october() -> _Claim:
    october, cited = pendulum.Date(1994, 10, 15), pendulum.Date(1994, 8, 3)
    on_october, on_cited = pfp.members_at(october), pfp.members_at(cited)
    newer = [t for t in pfp.transitions(cited.add(days=1), october) if t.after is pfp.Status.MEMBER]
    joined = ", ".join(f"{t.country.name} on {_fmt(t.date)}" for t in newer)
    return _Claim(
        "By mid-October 1994, 22 states were part of the PfP. [15]",
        f"{len(on_october)} partners on {_fmt(october)}; {len(on_cited)} on {_fmt(cited)}.",
        _verdict(len(on_october) == 22),
        "The seed's reference [15] is a Congressional Research Service report of "
        "9 August 1994 that counts 22 states *as of 3 August 1994*; on that day the data "
        f"agrees. Between the two days {joined or 'no state'} signed (per "
        f"`{SIGNATURE_LIST}`), so the seed moved a dated count to a later month.",
    )


def _claim_2001() -> _Claim:
    start, end = pendulum.Date(2001, 1, 1), pendulum.Date(2001, 12, 31)
    sizes = {len(pfp.members_at(start))} | {
        len(pfp.members_at(t.date)) for t in pfp.transitions(start, end)
    }
    said = " to ".join(str(n) for n in sorted({min(sizes), max(sizes)}))
    plan = _org("MAP", "Membership Action Plan")
    in_plan = None
    if plan is None:
        nine = "pfp does not follow the Membership Action Plan, so the nine are not checked here."
    else:
        in_plan = len(pfp.members_at(end, org=plan.key))
        nine = f"The data's {plan.name} has {in_plan} participants on {_fmt(end)}."
    return _Claim(
        "In 2001, NATO granted participation in its Membership Action Plan (MAP) to nine of "
        "the 26 PfP countries.",
        f"{said} partners on every day of 2001.",
        _verdict(sizes == {26} and in_plan in (None, 9)),
        f"The count of partners holds all year. {nine}",
    )


def _claim_nineteen() -> _Claim:
    first, last = _seed_window()
    sizes = {len(pfp.members_at(first))} | {
        len(pfp.members_at(t.date)) for t in pfp.transitions(first, last)
    }
    now = len(pfp.members_at(_as_of()))
    return _Claim(
        "19 states are members. [1]",
        f"{' to '.join(str(n) for n in sorted(sizes))} partners on every day from "
        f"{_fmt(first)} to {_fmt(last)}; {now} on {_fmt(_as_of())}.",
        _verdict(sizes == {19}),
        "The seed is a snapshot: it names Finland's NATO accession and still lists Sweden as a "
        "partner, so it describes a day between those two accessions. Sweden's accession on "
        f"{_fmt(_accession('SWE'))} leaves {now} partners.",
    )


def _date_mismatches(seed: dict[str, str], kind: str, org: str) -> list[str]:
    wrong = []
    for code, said in seed.items():
        events = _events(org, kind, code)
        data = events[0].date.isoformat() if events else "none"
        if data != said:
            wrong.append(f"{pfp.country(code).name} (seed {said}, data {data})")
    return wrong


def _claim_current_table() -> _Claim:
    first, _ = _seed_window()
    roster = set(pfp.members_at(first).iso3)
    listed = set(SEED_CURRENT)
    wrong = _date_mismatches(SEED_CURRENT, "signature", PROGRAMME)
    same = roster == listed
    data = (
        f"the same {len(roster)} states are partners on {_fmt(first)}"
        if same
        else f"partners on {_fmt(first)} not listed: {_names(roster - listed)}; "
        f"listed but not partners: {_names(listed - roster)}"
    )
    dates = (
        f"all {len(SEED_CURRENT)} dates equal the data's signature days"
        if not wrong
        else "dates that differ: " + "; ".join(wrong)
    )
    return _Claim(
        f"The table of current members ({len(SEED_CURRENT)} states, each with its PfP "
        "membership date). [23]",
        f"{_upper_first(data)}; {dates}.",
        _verdict(same and not wrong),
        "Malta's date is its first signature; its withdrawal and return are counted "
        "separately (see Malta below). Kazakhstan's date is disputed (see "
        "[Disputed dates](#disputed-dates)).",
    )


def _claim_former() -> _Claim:
    _, last = _seed_window()
    graduates = _graduates(PROGRAMME, last)
    table, prose = set(SEED_FORMER), set(SEED_FORMER_PROSE)
    signed = _date_mismatches({k: v[0] for k, v in SEED_FORMER.items()}, "signature", PROGRAMME)
    joined = _date_mismatches({k: v[1] for k, v in SEED_FORMER.items()}, "accession", "NATO")
    now = _graduates(PROGRAMME, _as_of())
    dates = (
        "every date in the table equals the data's"
        if not signed + joined
        else "dates that differ: " + "; ".join(signed + joined)
    )
    return _Claim(
        f"Fifteen former member states of the PfP (namely …) have subsequently joined NATO; "
        f"the table that follows lists {len(table)} of them. [23]",
        f"{len(graduates)} former partners had joined NATO by {_fmt(last)}; the prose names "
        f"{'the same states' if prose == graduates else 'other states'}. Missing from the "
        f"table: {_names(graduates - table)}. {_upper_first(dates)}. By "
        f"{_fmt(_as_of())}: {len(now)} ({_names(now - graduates)} since).",
        "agrees"
        if prose == graduates == table and not signed + joined
        else "the prose agrees; **the table is incomplete**"
        if prose == graduates
        else "**disagrees**",
        "The prose is right and the table is incomplete (the seed flattened merged cells; "
        "the missing row was added from Bulgarian sources and NATO's 2004 accession records).",
    )


def _claim_malta() -> _Claim:
    days = [pendulum.Date(1996, 10, 27), pendulum.Date(2008, 3, 20), pendulum.Date(2008, 4, 3)]
    statuses = ", ".join(f"{_fmt(d)}: {pfp.status_of('Malta', d).value}" for d in days)
    return _Claim(
        "Malta left on October 27, 1996 [19] … On March 20, 2008, Malta decided to reactivate "
        "its PfP membership; [20] this was accepted by NATO at the summit in Bucharest on "
        "April 3, 2008. [21]",
        f"Malta's status — {statuses}.",
        "agrees on the days; differs in reading",
        "pfp counts Malta as an applicant from its cabinet's decision and as a partner again "
        "only from NATO's acceptance; the seed's footnote calls 20 March the reactivation. "
        "The withdrawal day is disputed (see [Disputed dates](#disputed-dates)).",
    )


def _claim_riga() -> _Claim:
    codes = ("BIH", "MNE", "SRB")
    invited = {e.date for code in codes for e in _events(PROGRAMME, "invitation", code)}
    signed = {e.date for code in codes for e in _events(PROGRAMME, "signature", code)}
    agrees = invited == {pendulum.Date(2006, 11, 29)} and signed == {pendulum.Date(2006, 12, 14)}
    return _Claim(
        "During the NATO summit in Riga on November 29, 2006, Bosnia and Herzegovina, "
        "Montenegro, and Serbia were invited to join PfP, [22] which they did [23] on "
        "December 14, 2006. [24]",
        f"Invited on {', '.join(_fmt(d) for d in sorted(invited))}; signed on "
        f"{', '.join(_fmt(d) for d in sorted(signed))}.",
        _verdict(agrees),
        "Confirmed by NATO's own report of 14 December 2006.",
    )


def _claim_one(code: str, kind: str, quote: str, why: str) -> _Claim:
    events = _events(PROGRAMME, kind, code)
    name = pfp.country(code).name
    if not events:
        return _Claim(quote, f"No {kind} of {name} is recorded.", "not recorded", why)
    event = events[0]
    status = " → ".join(p.status.value for p in pfp.timeline(code))
    return _Claim(
        quote,
        f"{kind.replace('_', ' ').capitalize()} dated {_when(event.date, event.precision)} "
        f"({_keys(event.sources)}); {name}'s PfP status over time: {status}.",
        "agrees",
        why,
    )


def _claim_sweden() -> _Claim:
    (protocol,) = _events("NATO", "protocol_signed", "SWE")
    return _Claim(
        "Sweden — EU member; NATO accession protocol signed (notes of the current-members table).",
        f"Protocol signed {_fmt(protocol.date)}; NATO member from {_fmt(_accession('SWE'))}, "
        f"when it left the PfP.",
        "agrees (the accession is after the seed)",
        "The seed predates Sweden's accession; the data adds it from NATO's records.",
    )


def _claim_affiliations() -> _Claim:
    first, last = _seed_window()
    parts, agrees = [], True
    for key, codes in SEED_AFFILIATIONS.items():
        org = _org(key)
        if org is None:
            parts.append(f"{key}: not followed by pfp")
            continue
        outside = [
            c for c in codes if pfp.status_of(c, first, org=org.key) is not pfp.Status.MEMBER
        ]
        agrees = agrees and not outside
        later = [
            f"{t.country.name} {t.after.value} from {_fmt(t.date)}"
            for c in codes
            for t in pfp.transitions(first.add(days=1), last, country=c, org=org.key)
        ]
        parts.append(
            (
                f"{org.key}: all {len(codes)} named are members"
                if not outside
                else f"{org.key}: not members: {_names(outside)}"
            )
            + (f" (then {', '.join(later)})" if later else "")
        )
    csto = _org("CSTO")
    observer = (
        f" Serbia's CSTO status: {pfp.status_of('SRB', first, org=csto.key).value}."
        if csto is not None
        else ""
    )
    return _Claim(
        "The Notes column: EU, CSTO and GUAM member; Serbia a CSTO observer.",
        f"On {_fmt(first)}: " + "; ".join(parts) + "." + observer,
        _verdict(agrees),
        f"Checked on {_fmt(first)}, the first day the seed can describe, with any change up to "
        f"{_fmt(last)}.",
    )


def _claim_rename() -> _Claim:
    quote = "Known as the former Yugoslav Republic of Macedonia before 15 February 2019. [35]"
    renames = getattr(pfp.country("MKD"), "renames", ())
    if not renames:
        return _Claim(quote, "No rename is recorded.", "not recorded", "")
    rename = renames[0]
    others = ", ".join(_when(a.date, a.precision) for a in rename.alternatives)
    return _Claim(
        quote,
        f"Renamed from {rename.former_name} to {rename.name} on "
        f"{_when(rename.date, rename.precision)} ({_keys(rename.sources)})"
        + (f"; alternative: {others}" if others else "")
        + ".",
        _verdict(rename.date == pendulum.Date(2019, 2, 15)),
        "Both names find the state in every query (`pfp.country`), whatever the day.",
    )


_CLAIMS: tuple[Callable[[], _Claim], ...] = (
    _claim_mid_october,
    _claim_2001,
    _claim_nineteen,
    _claim_current_table,
    _claim_former,
    _claim_malta,
    _claim_riga,
    lambda: _claim_one(
        "CYP",
        "resolution",
        "The Parliament of Cyprus adopted a resolution in February 2011 in favor of PfP "
        "membership. [26]",
        "A national resolution changes nothing in the programme: Cyprus is not a partner.",
    ),
    lambda: _claim_one(
        "XKX",
        "application",
        "Kosovo submitted an application to join the PfP program in July 2012. [32]",
        "Only the month is known (from the seed's reference, which was not seen); the date "
        "stands for 1 July 2012.",
    ),
    _claim_rename,
    _claim_sweden,
    _claim_affiliations,
)


def _seed_section() -> list[str]:
    lines = [
        "## The seed article and the data",
        "",
        "The seed article states counts and dates; the data checks them day by day. Where "
        "they disagree, the data's sources decide and the disagreement is recorded here.",
        "",
    ]
    for make in _CLAIMS:
        claim = make()
        lines += [
            f"> {claim.quote}",
            "",
            f"- **Data:** {claim.data}",
            f"- **Verdict:** {claim.verdict}.",
            f"- {claim.why}",
            "",
        ]
    return lines


def _cite_section() -> list[str]:
    example = pfp.source(SIGNATURE_LIST)
    return [
        "## How to cite",
        "",
        "Cite the library with the data version you used, and the sources of the facts you "
        "rely on. `pfp.cite()` writes a BibTeX entry for the library and the data in use, "
        '`pfp.cite("apa")` an APA reference; `CITATION.cff` at the root of the repository holds '
        "the library's citation for reference managers. The distribution is `nato-pfp`; it "
        "imports as `pfp`.",
        "",
        "```python",
        ">>> import pfp",
        ">>> print(pfp.cite())",
        *pfp.cite().splitlines(),
        '>>> print(pfp.cite("apa"))  # doctest: +NORMALIZE_WHITESPACE',
        *textwrap.wrap(pfp.cite("apa"), 96),
        "",
        "```",
        "",
        "Each source renders itself as a BibTeX entry, keyed by its source key (special "
        "characters escaped), so the keys a table cites are the keys of your bibliography:",
        "",
        "```python",
        f'>>> print(pfp.source("{example.key}").bibtex())',
        *example.bibtex().splitlines(),
        '>>> bibliography = "\\n\\n".join(source.bibtex() for source in pfp.sources())',
        '>>> bibliography.count("@misc{") == len(pfp.sources())',
        "True",
        "",
        "```",
        "",
        "From the shell, `pfp source KEY` shows one source (`--format json` for a script), and "
        "`pfp --version` the library's version, the data version and its as-of day.",
        "",
    ]


def _sources_section() -> list[str]:
    cited: dict[str, int] = {}
    records: list[Any] = [*pfp.events(), *pfp.organizations()]
    records += [r for c in pfp.countries() for r in getattr(c, "renames", ())]
    for record in records:
        alternatives = getattr(record, "alternatives", ())
        for source in {*record.sources, *(s for a in alternatives for s in a.sources)}:
            cited[source.key] = cited.get(source.key, 0) + 1
    lines = [
        "## Sources",
        "",
        "Every source the data cites (`pfp.sources()`), with the number of records (events, "
        "renames, organisations) that cite it, directly or for an alternative reading.",
        "",
        "| Key | Title | Publisher | Date | Cited by | Link |",
        "|---|---|---|---|---:|---|",
    ]
    for source in pfp.sources():
        links = [f"[page]({source.url})"] if source.url else []
        if source.archived_url:
            links.append(f"[archived]({source.archived_url})")
        title = _cell(source.title)
        if source.note:
            title += f" <br><small>{_cell(source.note)}</small>"
        lines.append(
            f'| <span id="source-{source.key}"></span>`{source.key}` | {title} '
            f"| {_cell(source.publisher)} | {source.date or '—'} | {cited.get(source.key, 0)} "
            f"| {' · '.join(links) or '—'} |"
        )
    return [*lines, ""]


def render() -> str:
    """The page's Markdown for the bundled data."""
    sections = (
        _header,
        _overview,
        _research,
        _dispute_section,
        _seed_section,
        _cite_section,
        _sources_section,
    )
    lines = [line for section in sections for line in section()]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    """Write the page, or with ``--check`` print a diff and return 1 when it is stale."""
    return write_or_check(PAGE, render(), argv, made_from="data")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

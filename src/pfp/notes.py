"""A state's affiliations on a day, in words: the "Notes" column of the seed's partner table.

>>> import pfp
>>> pfp.affiliations("Sweden", "2023-06-01", orgs=["CSTO", "EU", "GUAM", "NATO"])
('EU member', 'NATO accession protocol signed')
>>> pfp.affiliations("Serbia", "2023-06-01", orgs=["CSTO", "EU", "GUAM", "NATO"])
('CSTO observer',)
"""

from __future__ import annotations

from collections.abc import Iterable

from pfp.dates import to_date
from pfp.engine import History
from pfp.model import Country, EventKind, Status

__all__ = ["affiliations"]

_LABELS = {Status.MEMBER: "member", Status.OBSERVER: "observer"}


def affiliations(
    history: History,
    country: str | Country,
    when: object,
    *,
    orgs: Iterable[str] | None = None,
    exclude: str = "PfP",
) -> tuple[str, ...]:
    """Describe ``country``'s standing in other organisations on day ``when``.

    A member is "<ORG> member", an observer "<ORG> observer"; a state whose NATO accession
    protocol has been signed is "NATO accession protocol signed" (an invitation alone:
    "invited to join NATO"). Suspended and former members are not listed, as in the seed.
    """
    found = history.country(country)
    day = to_date(when)
    if orgs is None:
        chosen = [org.key for org in history.organizations() if org.key != exclude]
    else:
        named = (orgs,) if isinstance(orgs, str) else orgs  # one name, not its letters
        chosen = [history.organization(o).key for o in named]
    labels: list[str] = []
    for key in sorted(chosen):
        status = history.status_of(found, day, org=key)
        if status in _LABELS:
            labels.append(f"{key} {_LABELS[status]}")
        elif status is Status.INVITED:
            last = [e for e in history.events(country=found) if e.org == key and e.date <= day]
            signed = last and last[-1].kind is EventKind.PROTOCOL_SIGNED
            labels.append(
                f"{key} accession protocol signed" if signed else f"invited to join {key}"
            )
    return tuple(labels)

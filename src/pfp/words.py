"""A state's affiliations on a day, in words: the "Notes" column of the seed's partner table.

>>> import pfp
>>> pfp.affiliations("Sweden", "2023-06-01", orgs=["CSTO", "EU", "GUAM", "NATO"])
('EU member', 'NATO accession protocol signed')
>>> pfp.affiliations("Serbia", "2023-06-01", orgs=["CSTO", "EU", "GUAM", "NATO"])
('CSTO observer',)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from pfp.dates import to_date
from pfp.engine import History
from pfp.errors import InvalidArgumentError, items_of, shown
from pfp.model import Country, EventKind, Organization, Status

if TYPE_CHECKING:
    from pfp.timelines import Period

__all__ = ["BEYOND", "Partnership", "affiliations", "organization_keys", "partnerships"]

BEYOND = ("carry", "null", "raise")
"""What a day after an organisation's review day gives in a panel or ``pfp.annotate``: the
last known standing carried forward (``beyond_data`` says which rows), null, or
BeyondDataError."""

_LABELS = {
    Status.MEMBER: "member",
    Status.OBSERVER: "observer",
    Status.SUSPENDED: "member (participation suspended)",
}


def affiliations(
    history: History,
    country: str | Country,
    when: object,
    *,
    orgs: Iterable[str] | None = None,
    exclude: str | None = None,
) -> tuple[str, ...]:
    """Describe ``country``'s standing in other organisations on day ``when``.

    A member is "<ORG> member", an observer "<ORG> observer"; a state whose NATO accession
    protocol has been signed is "NATO accession protocol signed" (an invitation alone:
    "invited to join NATO"). A suspended member is "<ORG> member (participation suspended)";
    former members are not listed, as in the seed.
    ``orgs`` defaults to every organisation but ``exclude`` (the history's default one) and
    the partnership frameworks (``partner_of`` set; :func:`partnerships` lists those).

    Raises:
        UnknownCountryError: for a name no state bears.
        UnknownOrganizationError: for an unknown name in ``orgs``.
        InvalidArgumentError: when ``orgs`` is not a name or an iterable of names.

    """
    found = history.country(country)
    day = to_date(when)
    if orgs is None:
        left_out = history.default_org if exclude is None else exclude
        chosen = [
            org.key
            for org in history.organizations()
            if org.key != left_out and not org.partner_of  # frameworks: see partnerships()
        ]
    else:
        chosen = list(organization_keys(history, orgs))
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


def organization_keys(history: History, orgs: object, *, every: bool = False) -> tuple[str, ...]:
    """The keys of the organisations named by ``orgs``: one name, or an iterable of names.

    With ``every=True``, ``orgs=None`` names every organisation the history follows, by key.

    >>> import pfp
    >>> organization_keys(pfp.history(), "north atlantic treaty organization")
    ('NATO',)

    Raises:
        UnknownOrganizationError: for a name no organisation bears.
        InvalidArgumentError: when ``orgs`` is neither a name nor an iterable of names.

    """
    if orgs is None and every:
        return tuple(org.key for org in history.organizations())
    if isinstance(orgs, str):
        return (history.organization(orgs).key,)  # one name, not its letters
    if isinstance(orgs, (bytes, bytearray)) or not isinstance(orgs, Iterable):
        raise InvalidArgumentError(
            f"orgs must be an organisation's name or a list of names, such as ['NATO', 'EU']; "
            f"got {shown(orgs)}"
        )
    items = items_of(orgs, "orgs")  # read once: orgs may be a one-shot iterator
    names = [name for name in items if isinstance(name, str)]
    strays = [name for name in items if not isinstance(name, str)]
    if strays:
        raise InvalidArgumentError(
            f"orgs must be names of organisations, such as 'NATO'; got {shown(strays[0])}"
        )
    return tuple(dict.fromkeys(history.organization(name).key for name in names))


class Partnership(NamedTuple):
    """One partnership a state held on a day: the framework and the period of its standing.

    >>> import pfp
    >>> [str(p) for p in pfp.partnerships("Georgia", "2010-01-01")]
    ['EAPC member', 'PfP member']
    """

    org: Organization
    period: Period

    def __str__(self) -> str:
        status = self.period.status
        return f"{self.org.key} {_LABELS.get(status, status.value)}"


_HELD = frozenset({Status.MEMBER, Status.OBSERVER, Status.SUSPENDED})
"""The standings that are a partnership held."""


def partnerships(
    history: History, country: str | Country, when: object, *, of: str = "NATO"
) -> tuple[Partnership, ...]:
    """Every partnership framework of organisation ``of`` the state took part in on a day.

    A framework is an organisation whose ``partner_of`` is ``of`` (``organizations.csv``);
    the state held it when it was a member, an observer or a suspended member that day. By
    framework key.

    Raises:
        UnknownCountryError: for a name no state bears.
        InvalidDateError: when ``when`` is not a date.

    """
    found = history.country(country)
    day = to_date(when)
    held = []
    for org in history.organizations():
        if org.partner_of != of:
            continue
        for period in history.timeline(found, org=org.key):
            if day in period and period.status in _HELD:
                held.append(Partnership(org, period))
    return tuple(held)

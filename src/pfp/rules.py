"""What each kind of event does to a state's status, and when it is allowed.

>>> from pfp.model import EventKind, Status
>>> RULES[EventKind.SIGNATURE].after
<Status.MEMBER: 'member'>
>>> Status.MEMBER in RULES[EventKind.WITHDRAWAL].allowed_before
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pendulum

from pfp.errors import DataProblem
from pfp.model import Country, Event, EventKind, Organization, Status, Transition

__all__ = ["RULES", "Rule", "graduation", "replay"]

_OUTSIDE = frozenset({Status.NON_MEMBER, Status.APPLICANT, Status.INVITED, Status.OBSERVER})


class Rule(NamedTuple):
    """An event kind's effect: the statuses it may follow and the status it leaves (None: none)."""

    allowed_before: frozenset[Status]
    after: Status | None


RULES: dict[EventKind, Rule] = {
    EventKind.SIGNATURE: Rule(_OUTSIDE, Status.MEMBER),
    EventKind.ACCESSION: Rule(_OUTSIDE | {Status.WITHDRAWN}, Status.MEMBER),
    EventKind.WITHDRAWAL: Rule(frozenset({Status.MEMBER, Status.SUSPENDED}), Status.WITHDRAWN),
    EventKind.REACTIVATION_REQUEST: Rule(frozenset({Status.WITHDRAWN}), Status.APPLICANT),
    EventKind.REACTIVATION: Rule(frozenset({Status.WITHDRAWN, Status.APPLICANT}), Status.MEMBER),
    EventKind.APPLICATION: Rule(
        frozenset({Status.NON_MEMBER, Status.WITHDRAWN, Status.APPLICANT}), Status.APPLICANT
    ),
    EventKind.INVITATION: Rule(_OUTSIDE, Status.INVITED),
    EventKind.PROTOCOL_SIGNED: Rule(_OUTSIDE, Status.INVITED),
    EventKind.RESOLUTION: Rule(frozenset(Status), None),
    EventKind.SUSPENSION: Rule(frozenset({Status.MEMBER, Status.SUSPENDED}), Status.SUSPENDED),
    EventKind.RESUMPTION: Rule(frozenset({Status.SUSPENDED}), Status.MEMBER),
    EventKind.CESSATION: Rule(frozenset(Status), Status.NOT_A_STATE),
    EventKind.OBSERVER: Rule(_OUTSIDE | {Status.WITHDRAWN}, Status.OBSERVER),
}
"""The effect of each event kind inside its own organisation."""


def graduation(org: Organization) -> Rule:
    """The effect in ``org`` of joining the organisation it ``graduates_to`` (PfP -> NATO).

    The status it leads to is the organisation's ``graduation_status``, from the data:

    >>> import pfp
    >>> graduation(pfp.organization("PfP")).after
    <Status.NATO_MEMBER: 'nato_member'>
    """
    after = org.graduation_status
    if after is None:  # no graduation: a record refuses graduates_to without its status
        return Rule(frozenset(Status), None)
    return Rule(frozenset(Status) - {after}, after)


_trusted = Transition.trusted
"""The engine's checked records make the changes: no field needs converting."""


def _where(position: int, event: Event) -> str:
    """Where an event came from: its file and row, or its place in the list given."""
    return event.origin or (
        f"event {position + 1} ({event.date} {event.org} {event.country.iso3} {event.kind.value})"
    )


_ENDED = frozenset({Status.NON_MEMBER, Status.WITHDRAWN, Status.NATO_MEMBER, Status.NOT_A_STATE})
"""The statuses an organisation's end leaves as they are: the others end with it."""


def replay(
    events: tuple[Event, ...],
    orgs: dict[str, Organization],
    *,
    check_sources: bool = True,
    exists: Callable[[Country, pendulum.Date], bool] | None = None,
) -> tuple[dict[str, list[tuple[int, Transition]]], list[DataProblem]]:
    """Apply every event in date order; return each organisation's changes and every fault.

    Changes are ``(ordinal, transition)`` pairs in replay order. Events on one day apply in
    the order given. Joining an organisation that a programme ``graduates_to`` (NATO for the
    PfP) also ends the state's participation in that programme; an event refused in its own
    organisation has no such knock-on, so one fault is reported once. ``check_sources=False``
    leaves the citations to a caller that has checked them already (the loader).

    An organisation that ``ended`` ends every membership in it: the day after its last day,
    each state still a member, observer, invitee, applicant or suspended member becomes
    ``withdrawn`` (unless it no longer existed, by ``exists``), by a withdrawal the engine
    derives from the organisation's record; an event after its last day is a fault.
    """
    graduating: dict[str, list[tuple[str, Rule]]] = {}  # organisation joined -> programmes
    for org in orgs.values():
        if org.graduates_to:
            graduating.setdefault(org.graduates_to, []).append((org.key, graduation(org)))
    status: dict[tuple[str, str], Status] = {}
    changes: dict[str, list[tuple[int, Transition]]] = {key: [] for key in orgs}
    problems: list[DataProblem] = []
    order = sorted(range(len(events)), key=lambda i: events[i].date)
    for i in order:
        event = events[i]
        if check_sources and not event.sources:
            problems.append(
                DataProblem(_where(i, event), "no source: every fact cites at least one source")
            )
        effects: list[tuple[str, Rule]] = [(event.org, RULES[event.kind])]
        if event.kind is EventKind.ACCESSION:
            effects += graduating.get(event.org, ())
        for org_key, rule in effects:
            key = (org_key, event.country.iso3)
            before = status.get(key, Status.NON_MEMBER)
            if before not in rule.allowed_before:
                allowed = "/".join(sorted(s.value for s in rule.allowed_before))
                problems.append(
                    DataProblem(
                        _where(i, event),
                        f"{'an' if event.kind.value[0] in 'aeiou' else 'a'} {event.kind.value} "
                        f"needs status {allowed}, but {event.country.name} is {before.value}"
                        + (f" in {org_key}" if org_key != event.org else ""),
                    )
                )
                if org_key == event.org:
                    break  # refused in its own organisation: no knock-on elsewhere
                continue
            if rule.after is None or rule.after is before:
                continue
            status[key] = rule.after
            transition = _trusted(event.date, event.country, before, rule.after, event, org_key)
            changes.setdefault(org_key, []).append((event.date.toordinal(), transition))
    _end_memberships(orgs, events, status, changes, problems, exists)
    return changes, problems


def _end_memberships(  # noqa: PLR0917 - the replay's own state, handed over whole
    orgs: dict[str, Organization],
    events: tuple[Event, ...],
    status: dict[tuple[str, str], Status],
    changes: dict[str, list[tuple[int, Transition]]],
    problems: list[DataProblem],
    exists: Callable[[Country, pendulum.Date], bool] | None,
) -> None:
    """Each ended organisation's memberships end the day after its last day."""
    if all(org.ended is None for org in orgs.values()):
        return  # no organisation ended: nothing to derive
    states = {event.country.iso3: event.country for event in events}
    standings = sorted(status.items())  # once: the derived withdrawals below change no status
    for org in orgs.values():
        if org.ended is None:
            continue
        problems += [
            DataProblem(
                _where(i, event),
                f"dated {event.date}, after {org.key} ended ({org.ended}); "
                "an organisation's events fall within its life",
            )
            for i, event in enumerate(events)
            if event.org == org.key and event.date > org.ended
        ]
        day = org.ended.add(days=1)
        for (key, iso3), standing in standings:
            country = states[iso3]
            if key != org.key or standing in _ENDED:
                continue
            if exists is not None and not exists(country, day):
                continue
            cause = Event(
                day,
                country,
                EventKind.WITHDRAWAL,
                org.sources,
                org=org.key,
                note=f"{org.name} ended on {org.ended}; every membership ended with it.",
                origin=f"organizations.csv ({org.key} ended {org.ended})",
            )
            change = _trusted(day, country, standing, Status.WITHDRAWN, cause, org.key)
            changes.setdefault(org.key, []).append((day.toordinal(), change))

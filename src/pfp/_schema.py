"""The files of a data folder: each file's columns, in order, and the columns that key a row.

``_data/README.md`` explains every column.

>>> COLUMNS["events.csv"]
('date', 'org', 'country', 'kind', 'sources', 'evidence', 'note')
>>> KEYS["events.csv"]
('date', 'org', 'country', 'kind')
"""

from __future__ import annotations

__all__ = ["COLUMNS", "FILES", "KEYS"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("key", "title", "publisher", "date", "url", "archived_url", "note"),
    "countries.csv": (
        "iso3",
        "name",
        "iso2",
        "iso_numeric",
        "aliases",
        "former_names",
        "predecessors",
        "sources",
    ),
    "codes.csv": ("country", "scheme", "code", "start", "end", "sources", "note"),
    "state_disputes.csv": ("country", "what", "cow", "gw", "iso", "sources", "note"),
    "renames.csv": ("country", "date", "former_name", "name", "sources", "note"),
    "organizations.csv": (
        "key",
        "name",
        "founded",
        "graduates_to",
        "graduation_status",
        "ended",
        "successor",
        "partner_of",
        "aliases",
        "sources",
    ),
    "events.csv": ("date", "org", "country", "kind", "sources", "evidence", "note"),
    "reviews.csv": ("org", "as_of", "sources", "note"),
    "alternatives.csv": ("org", "country", "kind", "date", "alt_date", "sources", "reason"),
    "milestones.csv": ("start", "end", "name", "kind", "place", "sources", "note"),
    "figures.csv": (
        "key",
        "description",
        "value",
        "unit",
        "period_start",
        "period_end",
        "sources",
        "note",
    ),
    "cooperation_areas.csv": ("number", "text", "sources", "note"),
}
"""Each data file and its columns, in order (``_data/README.md`` explains them)."""

KEYS: dict[str, tuple[str, ...]] = {
    "sources.csv": ("key",),
    "countries.csv": ("iso3",),
    "codes.csv": ("country", "scheme", "code", "start"),
    "state_disputes.csv": ("country", "what"),
    "renames.csv": ("country", "date"),
    "organizations.csv": ("key",),
    "reviews.csv": ("org",),
    "events.csv": ("date", "org", "country", "kind"),
    "alternatives.csv": ("org", "country", "kind", "date", "alt_date"),
    "milestones.csv": ("start", "name"),
    "figures.csv": ("key",),
    "cooperation_areas.csv": ("number",),
}
"""The columns that identify a row of each file: two rows with the same key are a fault."""

FILES: tuple[str, ...] = (*COLUMNS, "dataset.toml")
"""Every file a data folder holds."""

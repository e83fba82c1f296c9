"""What every result pfp returns shares: it cannot be changed, and it turns into rows.

Rosters, country sets, transitions and timelines each say how to make their rows
(``to_records``) and which columns of :mod:`pfp.tables` those rows have; the pandas frame and
the notebook's HTML table follow from that, the same way for all of them.
"""

from __future__ import annotations

from typing import Any, ClassVar, Protocol

import attrs

__all__ = ["Immutable", "Tabular"]


class Immutable:
    """Refuses assignment and deletion after construction, like the attrs records."""

    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise attrs.exceptions.FrozenInstanceError

    def __delattr__(self, name: str) -> None:
        raise attrs.exceptions.FrozenInstanceError


class _Rows(Protocol):
    COLUMNS: ClassVar[str]

    def to_records(self) -> list[dict[str, Any]]: ...  # pragma: no cover

    def _caption(self) -> str: ...  # pragma: no cover


class Tabular:
    """A result with rows: ``to_pandas()`` and the notebook's HTML view, from ``to_records()``."""

    __slots__ = ()

    COLUMNS: ClassVar[str] = "COUNTRY_COLUMNS"
    """The name of the :mod:`pfp.tables` constant that lists the rows' columns, in order."""

    def _caption(self) -> str:
        return repr(self)

    def to_pandas(self: _Rows) -> Any:
        """The rows as a pandas DataFrame, the data's version in ``df.attrs``.

        Raises:
            ImportError: naming pandas and pfp's ``pandas`` extra when pandas is missing.

        """
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API

        return tables.to_dataframe(self.to_records(), columns=getattr(tables, self.COLUMNS))

    def _repr_html_(self: _Rows) -> str:
        from pfp import tables  # noqa: PLC0415 - tables builds on the public API

        columns = getattr(tables, self.COLUMNS)
        return tables.to_html(self.to_records(), columns=columns, caption=self._caption())

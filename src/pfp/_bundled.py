"""The one History over the data bundled in the package, built on first use.

Everything the package's front answers comes from this history: it is read from ``pfp/_data``
through the import system (the package's loader, so a zipped install or a zipapp works as well
as a folder), validated in one pass with every problem reported at once, and built once under
one lock, whichever public function asks first and from however many threads.

The records come from ``_data/checked.marshal``, the outcome of a full validation of the files
made ahead of time (see ``pfp._load_compiled``), unless it is stale: then from the files.

Why the loader's ``get_data`` and not ``importlib.resources.files``: for a folder or a zip both
read the same bytes (``importlib.resources``' zip reader wraps the same loader), but importing
``importlib.resources`` costs about 5 ms (it brings ``tempfile``, ``shutil``, ``zipfile``,
``lzma`` and ``bz2``), a quarter of the first query's budget. A loader without ``get_data``
falls back to ``importlib.resources``.

>>> history() is history()
True
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pfp.engine import History

__all__ = ["COMMAND", "bundled_file", "compile_bundled", "history", "or_bundled"]

COMMAND = "python scripts/compile_data.py"
"""The one command that remakes ``_data/checked.marshal`` from the CSV files."""

_lock = threading.Lock()
_built: list[History] = []


def history() -> History:
    """The bundled :class:`~pfp.History`, read, validated and indexed on the first call only.

    Raises:
        DataError: when the bundled files are faulty (every problem, with file and line).

    """
    if _built:
        return _built[0]
    with _lock:  # taken once and never re-entered: building asks nothing of this module
        if not _built:
            from pfp._collector import collector_paused  # noqa: PLC0415 - `import pfp` imports none

            with collector_paused():  # the imports and the build (see collector_paused)
                from pfp._load_compiled import load  # noqa: PLC0415 - built on first use
                from pfp.engine import History, from_records  # noqa: PLC0415

                checked = load(bundled_file)  # None when stale: then the files are read
                _built.append(
                    History.from_reader(bundled_file, shared_as=history)
                    if checked is None
                    else from_records(checked, shared_as=history)
                )
    return _built[0]


def bundled_file(name: str) -> bytes:
    """The bytes of one file of the bundled data folder, read through the package's loader.

    >>> bundled_file("dataset.toml").startswith(b"#")
    True

    Raises:
        FileNotFoundError: (an OSError) when the package has no such file.

    """
    spec = __spec__  # this module's: it lies beside _data in the package, zipped or not
    loader = spec.loader if spec is not None else None
    folder = os.path.dirname(spec.origin or "") if spec is not None else ""
    get_data = getattr(loader, "get_data", None)
    if get_data is not None and folder:
        data: bytes = get_data(os.path.join(folder, "_data", name))
        return data
    from importlib.resources import files  # noqa: PLC0415 - a loader without get_data

    return files("pfp").joinpath("_data", name).read_bytes()


def or_bundled(given: object) -> History:
    """``given`` when it is a History, the bundled one when None: what ``history=`` takes.

    Raises:
        InvalidArgumentError: for anything else.

    """
    if given is None:
        return history()
    from pfp.engine import History  # noqa: PLC0415 - the engine, on first use

    if not isinstance(given, History):
        from pfp.errors import InvalidArgumentError, shown  # noqa: PLC0415

        raise InvalidArgumentError(f"history must be a pfp.History or None, not {shown(given)}")
    return given


def compile_bundled(read: Callable[[str], bytes] = bundled_file) -> bytes:
    """The compiled form of the data folder ``read`` reads (see ``pfp._load_compiled``).

    The files are read and validated in full, as ``pfp check`` does, and the engine replays
    the records; the compiled form stores both, for the first query to skip them.

    Raises:
        DataError: listing every problem found (only valid data is compiled).

    """
    from pfp._folder import Folder  # noqa: PLC0415 - compiling only
    from pfp._load import read_folder  # noqa: PLC0415
    from pfp._load_compiled import compiled  # noqa: PLC0415
    from pfp.engine import from_records, replayed  # noqa: PLC0415

    folder = read_folder(read)
    made = from_records(folder)  # raises every problem of the files and of the replay
    whole = Folder(folder.dataset, folder.metadata, folder.programme, (), replayed(made))
    return compiled(read, whole)

"""The compiled form of the bundled data equals a full validation of its CSV files, and a stale
one is never used.

``_data/checked.marshal`` lets the first query skip reading and checking the CSV files; these
tests make it again from the files (the full validation ``pfp check`` runs) and compare.
"""

from __future__ import annotations

import copy
import importlib.resources
import marshal
import pickle
import shutil
import subprocess
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import pytest

import pfp
from pfp import _load_compiled as compiled
from pfp._bundled import COMMAND, bundled_file, compile_bundled
from pfp._load import Folder, read_folder
from pfp.engine import from_records, replayed
from pfp.model import Deferred

DATA = Path(pfp.__file__).resolve().parent / "_data"


def _read(name: str) -> bytes:
    return (DATA / name).read_bytes()


@pytest.fixture(scope="module")
def validated() -> Folder:
    """The records of a full validation of the bundled CSV files."""
    folder = read_folder(_read)
    assert folder.problems == ()
    return folder


def test_the_shipped_file_is_the_compiled_form_of_the_csv_files_byte_for_byte() -> None:
    """``checked.marshal`` is what compiling the CSV files gives now (else it is stale)."""
    made = compile_bundled(_read)
    assert made == _read(compiled.FILE), f"_data/{compiled.FILE} is stale; run `{COMMAND}`"


def test_the_compiled_records_equal_a_full_validation(validated: Folder) -> None:
    """Every record, field and programme row, the replay, and which records share which."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None
    assert loaded[:4] == validated[:4] and validated.replayed is None
    whole = Folder(*validated[:4], replayed(from_records(validated)))
    assert loaded.replayed == whole.replayed  # the engine's replay and the states' lives
    assert compiled.encode(loaded) == compiled.encode(whole)  # sharing and eq=False fields
    assert [e.origin for e in loaded.dataset.events] == [e.origin for e in validated.dataset.events]
    states = {country.iso3: country for country in loaded.dataset.countries}
    assert all(event.country is states[event.country.iso3] for event in loaded.dataset.events)


def test_the_compiled_records_are_whole_records(validated: Folder) -> None:
    """Made through the slots, each record still hashes, compares, evolves and is frozen."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None
    for mine, theirs in zip(loaded.dataset.countries, validated.dataset.countries, strict=True):
        assert hash(mine) == hash(theirs)
        assert attrs.evolve(mine) == theirs
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        loaded.dataset.sources[0].key = "x"  # type: ignore[misc]


def test_the_bundled_history_answers_as_the_csv_files_do() -> None:
    """The bundled history (from the compiled form) and one read from the files agree."""
    read = pfp.History.from_folder(importlib.resources.files("pfp") / "_data")
    bundled = pfp.history()
    assert bundled.events() == read.events()
    assert bundled.countries() == read.countries()
    assert bundled.sources() == read.sources()
    assert bundled.state_disputes() == read.state_disputes()
    assert bundled.programme == read.programme
    for org in bundled.organizations():
        assert bundled.transitions(org=org.key) == read.transitions(org=org.key)


@pytest.mark.parametrize("name", ["events.csv", "codes.csv", "dataset.toml", "figures.csv"])
def test_a_compiled_form_of_other_files_is_stale(name: str) -> None:
    """Any byte of any data file changed: the compiled form is not read (None)."""

    def edited(asked: str) -> bytes:
        data = _read(asked)
        return data + b"\n" if asked == name else data

    assert compiled.load(_read) is not None
    assert compiled.load(edited) is None


@pytest.mark.parametrize(
    "content",
    [b"", b"not marshal", marshal.dumps((compiled.FORMAT + 1, (), ())), b"\x00" * 9],
)
def test_a_missing_unreadable_or_other_layout_compiled_form_is_not_read(content: bytes) -> None:
    """A compiled form that cannot be read, or of another layout, is stale too."""

    def reader(name: str) -> bytes:
        return content if name == compiled.FILE else _read(name)

    def missing(name: str) -> bytes:
        if name == compiled.FILE:
            raise FileNotFoundError(name)
        return _read(name)

    assert compiled.load(reader) is None
    assert compiled.load(missing) is None


def test_only_a_valid_folder_is_compiled() -> None:
    """A folder with a fault is refused, with the fault named."""

    def faulty(name: str) -> bytes:
        data = _read(name)
        return data.replace(b"seed-23", b"seed-230", 1) if name == "events.csv" else data

    with pytest.raises(pfp.DataError, match="seed-230"):
        compile_bundled(faulty)


def test_an_edited_csv_file_wins_over_the_stale_compiled_form(tmp_path: Path) -> None:
    """A copy of pfp whose dataset.toml was edited answers from the edit, in a fresh process."""
    copy = tmp_path / "pfp"
    shutil.copytree(DATA.parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    toml = copy / "_data" / "dataset.toml"
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace(pfp.DATA_VERSION, "edited-by-a-test"), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", "import pfp; print(pfp.__file__, pfp.history().version)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
        timeout=60,
    )
    where, version = done.stdout.split()
    assert where.startswith(str(copy))
    assert version == "edited-by-a-test"


def _slot_value(country: pfp.Country) -> object:
    """What a state's ``codes`` slot holds, read past the descriptor that makes it."""
    return vars(pfp.Country)["codes"].slot.__get__(country, pfp.Country)


def test_the_states_codes_are_made_on_first_read_all_at_once(validated: Folder) -> None:
    """Until a state's codes are read, only the code records of the states' lives exist."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None and loaded.replayed is not None
    countries = loaded.dataset.countries
    assert all(isinstance(_slot_value(c), Deferred) for c in countries)
    germany = next(c for c in countries if c.iso3 == "DEU")
    theirs = next(c for c in validated.dataset.countries if c.iso3 == "DEU")
    assert germany.codes == theirs.codes and germany.codes
    assert all(type(_slot_value(c)) is tuple for c in countries)  # every state's, at once
    by_iso3 = {c.iso3: c for c in countries}
    for iso3, life in loaded.replayed[1].items():  # a life's codes are its state's records
        for *_, begun, ended in life:
            for code in (begun, ended):
                assert code is None or any(code is mine for mine in by_iso3[iso3].codes)


def test_codes_read_from_many_threads_at_once_are_one_set_of_records() -> None:
    """Eight threads reading every state's codes at once get the same records (made once)."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None
    countries = loaded.dataset.countries
    start = threading.Barrier(8)

    def read(_: int) -> list[tuple[pfp.Code, ...]]:
        start.wait()
        return [country.codes for country in countries]

    with ThreadPoolExecutor(8) as pool:
        first, *others = pool.map(read, range(8))
    for other in others:
        assert all(mine is theirs for mine, theirs in zip(first, other, strict=True))


def test_a_state_whose_codes_are_not_made_yet_pickles_copies_and_evolves(
    validated: Folder,
) -> None:
    """Pickling, copying, evolving or asdict of a state reads its codes: they are made."""
    for make in (
        lambda c: pickle.loads(pickle.dumps(c)),
        copy.copy,
        copy.deepcopy,
        attrs.evolve,
        lambda c: attrs.asdict(c, recurse=False)["codes"],
    ):
        loaded = compiled.load(bundled_file)
        assert loaded is not None
        mine = next(c for c in loaded.dataset.countries if c.iso3 == "SRB")
        theirs = next(c for c in validated.dataset.countries if c.iso3 == "SRB")
        made = make(mine)
        assert made == (theirs.codes if type(made) is tuple else theirs)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mine.codes = ()  # type: ignore[misc]


def test_the_first_query_makes_no_late_codes_lone_runs_or_other_transitions() -> None:
    """In a fresh process: members_at makes some 230 code records of 1,500, no state's run
    and only the default organisation's transitions; the first read of a state's codes makes
    every code record, the first question about NATO its transitions.
    """
    script = (
        "import gc, pfp\n"
        "count = lambda kind: sum(type(o) is kind for o in gc.get_objects())\n"
        "pfp.members_at('2005-06-01')\n"
        "history = pfp.history()\n"
        "made = sorted(history._made) + sorted(history._default_index._made)\n"
        "codes, transitions = count(pfp.Code), count(pfp.Transition)\n"
        "pfp.country('Germany').codes\n"
        "pfp.members_at('2005-06-01', org='NATO')\n"
        "print(codes, count(pfp.Code), transitions, count(pfp.Transition), *made)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    codes, all_codes, transitions, two_orgs, *made = done.stdout.split()
    total = sum(len(c.codes) for c in pfp.countries())
    history = pfp.history()
    assert made == []
    assert int(all_codes) == total
    assert 0 < int(codes) < total / 4
    assert int(transitions) == len(history.transitions())
    assert int(two_orgs) == len(history.transitions()) + len(history.transitions(org="NATO"))


def test_the_late_changes_are_the_replay_s_mapping() -> None:
    """Each organisation's changes read as the replay's dict: keys, order, values, misses."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None and loaded.replayed is not None
    late = loaded.replayed[0]
    keys = list(late)
    assert sorted(keys) == sorted(org.key for org in pfp.history().organizations())
    assert len(late) == len(keys) and late["NATO"] is late["NATO"]
    assert dict(late) == {key: late[key] for key in keys}
    with pytest.raises(KeyError):
        late["XYZ"]
    assert late._decoder is None  # type: ignore[attr-defined]  # all made: the decoder let go


def test_an_organisation_s_changes_read_from_many_threads_at_once_are_one_set_of_records() -> None:
    """Eight threads reading each organisation's changes at once get the same transitions."""
    loaded = compiled.load(bundled_file)
    assert loaded is not None and loaded.replayed is not None
    late = loaded.replayed[0]
    start = threading.Barrier(8)

    def read(_: int) -> list[Sequence[tuple[int, pfp.Transition]]]:
        start.wait()
        return [late[org] for org in late]

    with ThreadPoolExecutor(8) as pool:
        first, *others = pool.map(read, range(8))
    for other in others:
        for mine, theirs in zip(first, other, strict=True):
            assert all(a[1] is b[1] for a, b in zip(mine, theirs, strict=True))

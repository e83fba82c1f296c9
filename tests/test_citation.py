"""How to cite: CITATION.cff, ``pfp.cite`` and ``Source.bibtex`` are true and stay in step."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]  # dask's dependency: the test extra has it

import pfp

ROOT = Path(__file__).resolve().parent.parent
CFF = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_citation_cff_has_the_keys_cff_1_2_0_requires() -> None:
    """CITATION.cff declares CFF 1.2.0 and its required keys, with values of the right kinds."""
    assert CFF["cff-version"] == "1.2.0"
    assert isinstance(CFF["message"], str) and CFF["message"].strip()
    assert isinstance(CFF["title"], str) and CFF["title"].strip()
    assert isinstance(CFF["authors"], list) and CFF["authors"]
    for author in CFF["authors"]:
        assert "name" in author or "family-names" in author
    assert CFF["type"] in ("software", "dataset")


def test_citation_cff_agrees_with_the_package() -> None:
    """Its version, licence and authors are pyproject.toml's; it claims no DOI or release day."""
    assert str(CFF["version"]) == pfp.__version__ == PROJECT["version"]
    assert CFF["license"] == PROJECT["license"]
    assert [a["name"] for a in CFF["authors"]] == [a["name"] for a in PROJECT["authors"]]
    assert "doi" not in CFF and "date-released" not in CFF
    assert CFF["title"] in pfp.cite()


def test_cite_names_the_library_and_the_data_in_use() -> None:
    """Both styles name the library version, the data version and the as-of day."""
    for style in ("bibtex", "apa"):
        text = pfp.cite(style)
        assert pfp.__version__ in text
        assert str(pfp.DATA_VERSION) in text
        assert str(pfp.DATA_AS_OF) in text
        assert "nato-pfp" in text
    assert pfp.cite().startswith(f"@misc{{nato-pfp-{pfp.__version__},\n")
    assert pfp.cite("APA").startswith("The pfp developers. (n.d.). pfp: ")


@pytest.mark.parametrize("style", ["mla", "", None, 3])
def test_cite_rejects_other_styles_naming_the_allowed(style: object) -> None:
    """Another style is an InvalidArgumentError (a ValueError) that lists apa and bibtex."""
    with pytest.raises(pfp.InvalidArgumentError, match="choose one of: apa, bibtex"):
        pfp.cite(style)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="no citation style"):
        pfp.cite(style)  # type: ignore[arg-type]


def _fields(entry: str) -> dict[str, str]:
    """The fields of one BibTeX entry as written (values with their outer braces removed)."""
    found = {}
    for line in entry.splitlines()[1:-1]:
        name, value = line.strip().rstrip(",").split(" = ", 1)
        found[name] = value[1:-1] if value.startswith("{") else value
    return found


def test_a_source_renders_as_a_misc_entry_keyed_by_its_key() -> None:
    """Tajikistan's signature source: key, title, publisher, day, month and URL in the entry."""
    source = pfp.source("nato-pr-2002-022")
    entry = source.bibtex()
    assert entry.startswith("@misc{nato-pr-2002-022,\n") and entry.endswith("\n}")
    fields = _fields(entry)
    assert fields["organization"] == fields["howpublished"] == "NATO"
    assert (fields["date"], fields["year"], fields["month"]) == ("2002-02-20", "2002", "feb")
    assert fields["url"] == source.url
    assert fields["title"] == source.title.replace("&", r"\&")


def test_a_coarse_date_is_cited_as_far_as_it_is_known() -> None:
    """A year-only source has a year and no month; a month-only one a year-month date."""
    by_precision = {s.precision: s for s in pfp.sources() if s.date is not None}
    year = _fields(by_precision[pfp.Precision.YEAR].bibtex())
    assert "month" not in year and year["date"] == year["year"]
    month = _fields(by_precision[pfp.Precision.MONTH].bibtex())
    assert re.fullmatch(r"\d{4}-\d{2}", month["date"]) and month["month"].isalpha()
    undated = next(s for s in pfp.sources() if s.date is None)
    assert not {"date", "year", "month"} & set(_fields(undated.bibtex()))


def test_bibtex_specials_are_escaped_and_keys_sanitised() -> None:
    """A source built in code with BibTeX's special characters gets them escaped, and its key
    made a valid BibTeX key; its URL stays as written.
    """
    source = pfp.Source(
        "key with spaces, {and} commas",
        "R&D at 100% for #1 ~ $5_000 ^ \\",
        "Ministry {of} Tests",
        "2001-02-03",
        url="https://example.org/a_b?c=1%20#frag",
        note="n",
    )
    entry = source.bibtex()
    assert entry.startswith("@misc{key-with-spaces-and-commas,\n")
    fields = _fields(entry)
    assert fields["title"] == (
        r"R\&D at 100\% for \#1 \textasciitilde{} \$5\_000 \textasciicircum{} \textbackslash{}"
    )
    assert fields["organization"] == r"Ministry \{of\} Tests"
    assert fields["url"] == "https://example.org/a_b?c=1%20#frag"
    assert fields["note"] == "n"


def test_every_bundled_source_renders_a_balanced_entry() -> None:
    """Every bundled source gives one entry with balanced braces and a unique key."""
    keys = []
    for source in pfp.sources():
        entry = source.bibtex()
        depth = 0
        for position, char in enumerate(entry):
            if char in "{}" and entry[position - 1] != "\\":
                depth += 1 if char == "{" else -1
                assert depth >= 0, source.key
        assert depth == 0, source.key
        keys.append(entry.split("{", 1)[1].split(",", 1)[0])
    assert len(set(keys)) == len(keys)

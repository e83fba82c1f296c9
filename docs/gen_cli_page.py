"""Write ``docs/reference/cli.md`` from the ``pfp`` command's own parser.

Run from the repository root::

    python docs/gen_cli_page.py          # rewrite docs/reference/cli.md
    python docs/gen_cli_page.py --check  # exit 1 and print a diff if the page is stale

``tests/test_docs.py`` fails when the committed page differs from what this script writes, so a
new subcommand or option and its reference travel together. The page is made from the parser
that ``pfp.cli.build_parser`` returns, whatever subcommands it has: each one's description,
usage, arguments with their help, and its examples (the epilog, as written). It is written
from the parser's actions rather than from argparse's ``--help`` text, which changes with the
terminal's width and the Python version.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from pfp.cli import build_parser

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generated_page import write_or_check

PAGE = Path(__file__).with_name("reference") / "cli.md"
"""The page this script writes."""

COMMAND = "python docs/gen_cli_page.py"
"""The one command that regenerates the page."""


def _subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """Each subcommand's name and parser, in the order they were added (aliases once)."""
    seen: set[int] = set()
    for action in parser._actions:  # argparse offers no public way to list subcommands
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if id(sub) not in seen:
                    seen.add(id(sub))
                    yield name, sub


def _help(action: argparse.Action, prog: str) -> str:
    """An action's help, its ``%(default)s``-style fields filled in as argparse fills them."""
    text = action.help or ""
    if "%" in text:
        text = text % {**vars(action), "prog": prog}
    return " ".join(text.split())


def _metavar(action: argparse.Action) -> str:
    if action.metavar is not None:
        return str(action.metavar)
    if action.choices is not None:
        return "{" + ",".join(str(choice) for choice in action.choices) + "}"
    return action.dest if not action.option_strings else action.dest.upper()


def _values(action: argparse.Action) -> str:
    """The values an argument takes, as argparse writes them: ``ORG``, ``[end]``, ``X [X ...]``."""
    name, nargs = _metavar(action), action.nargs
    if nargs == "?":
        return f"[{name}]"
    if nargs == "*":
        return f"[{name} ...]"
    if nargs == "+":
        return f"{name} [{name} ...]"
    if isinstance(nargs, int):
        return " ".join([name] * nargs)
    return name


def _shown(action: argparse.Action) -> str:
    """An argument as the usage line writes it: ``date``, ``[end]``, ``[--org ORG]``."""
    if not action.option_strings:
        return _values(action)
    flag = max(action.option_strings, key=len)
    words = flag if action.nargs == 0 else f"{flag} {_values(action)}"
    return words if action.required else f"[{words}]"


def _arguments(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """The parser's arguments, without help and version (said once, at the top) or hidden ones."""
    return [
        action
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        and not isinstance(
            action, argparse._HelpAction | argparse._VersionAction | argparse._SubParsersAction
        )
    ]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _table(parser: argparse.ArgumentParser, prog: str) -> list[str]:
    rows = []
    for action in _arguments(parser):
        if action.option_strings:
            flags = [f"`{flag}`" for flag in action.option_strings]
            if action.nargs != 0:
                flags[-1] = f"`{action.option_strings[-1]} {_values(action)}`"
            names = ", ".join(flags)
        else:
            names = f"`{_values(action)}`"
        rows.append(f"| {_cell(names)} | {_cell(_help(action, prog))} |")
    if not rows:
        return []
    return ["| Argument | What it is |", "|---|---|", *rows, ""]


def _epilog(parser: argparse.ArgumentParser) -> list[str]:
    if not parser.epilog:
        return []
    return [
        "```text",
        *(line.rstrip() for line in parser.epilog.strip("\n").splitlines()),
        "```",
        "",
    ]


def _usage(parser: argparse.ArgumentParser, prog: str) -> list[str]:
    arguments = _arguments(parser)
    options = [_shown(action) for action in arguments if action.option_strings]
    positionals = [_shown(action) for action in arguments if not action.option_strings]
    words = [prog, *options, *positionals]  # argparse's order: options first
    if any(True for _ in _subcommands(parser)):
        words.append("COMMAND ...")
    return ["```console", "$ " + " ".join(words), "```", ""]


def _command(
    name: str, parser: argparse.ArgumentParser, prog: str, parent: argparse.ArgumentParser
) -> list[str]:
    full = f"{prog} {name}"
    lines = [f"## `{full}`", ""]
    if parser.description:
        lines += [" ".join(parser.description.split()), ""]
    lines += _usage(parser, full) + _table(parser, full)
    if parser.epilog != parent.epilog:  # the examples of the command above are shown there
        lines += _epilog(parser)
    for sub_name, sub in _subcommands(parser):
        lines += _command(sub_name, sub, full, parser)
    return lines


def _summary(parser: argparse.ArgumentParser, prog: str) -> list[str]:
    helps: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps.update({a.dest: _help(a, prog) for a in action._choices_actions})
    lines = ["| Command | What it answers |", "|---|---|"]
    for name, _ in _subcommands(parser):
        anchor = f"{prog}-{name}".replace(" ", "-")
        lines.append(f"| [`{prog} {name}`](#{anchor}) | {_cell(helps.get(name, ''))} |")
    return [*lines, ""]


def render() -> str:
    """The page's Markdown for the parser ``pfp.cli.build_parser()`` builds now."""
    parser = build_parser()
    prog = parser.prog
    lines = [
        "# Command line reference",
        "",
        f"<!-- Generated by `{COMMAND}` from pfp.cli.build_parser(); do not edit by hand. -->",
        "",
        f"Every subcommand of `{prog}`, its arguments and its examples, as the parser defines "
        f"them (`{prog} COMMAND --help` prints the same). `python -m pfp` runs the same command. "
        "For a walk through the commands with their answers, see the "
        "[command line guide](../cli.md).",
        "",
    ]
    if parser.description:
        lines += [" ".join(parser.description.split()), ""]
    lines += _usage(parser, prog)
    lines += [
        "| Argument | What it is |",
        "|---|---|",
        "| `-h`, `--help` | show the help of `pfp` or of a command, and exit |",
    ]
    lines += [
        f"| {', '.join(f'`{flag}`' for flag in action.option_strings)} "
        f"| {_cell(_help(action, prog) or 'show the version, and exit')} |"
        for action in parser._actions
        if isinstance(action, argparse._VersionAction)
    ]
    lines += ["", *_summary(parser, prog), *_epilog(parser)]
    for name, sub in _subcommands(parser):
        lines += _command(name, sub, prog, parser)
    lines += [
        "## From Python",
        "",
        "::: pfp.cli",
        "    options:",
        "      show_root_heading: false",
        "      show_root_toc_entry: false",
        "      members: false",
        "",
        "::: pfp.cli.main",
        "",
        "::: pfp.cli.build_parser",
        "",
        "::: pfp.cli.COMMANDS",
        "",
        "::: pfp.cli.Command",
        "",
        "::: pfp.cli.Answer",
        "",
        "::: pfp.cli.EXIT_STATUSES",
    ]
    return "\n".join(lines).rstrip() + "\n"


def main(argv: list[str]) -> int:
    """Write the page, or with ``--check`` print a diff and return 1 when it is stale."""
    return write_or_check(PAGE, render(), argv, made_from="parser")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

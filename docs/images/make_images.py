"""Render the pictures in docs/images/ from the bundled data: ``python docs/images/make_images.py``.

Needs the ``plot`` extra (``pip install -e '.[plot]'``). Uses the Agg backend and strips the
PNG's software tag, so the same data and matplotlib version give the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Write ``timeline.png``, ``membership_count.png`` and ``partnerships.png`` beside it."""
    import matplotlib  # noqa: PLC0415 - the plot extra; importing this file must not need it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    import pfp.plot  # noqa: PLC0415

    def partnerships() -> object:
        frameworks = ["NACC", "EAPC", "MD", "ICI", "IPAP", "EOP", "PATG", "PfP"]
        return pfp.plot.membership_count(orgs=frameworks, start="1991-01-01")

    pictures = {
        "timeline.png": pfp.plot.timeline,
        "membership_count.png": pfp.plot.membership_count,
        "partnerships.png": partnerships,
    }
    for name, draw in pictures.items():
        axes = draw()
        axes.figure.savefig(HERE / name, dpi=110, metadata={"Software": None})
        plt.close(axes.figure)
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

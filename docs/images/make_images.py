"""Render the pictures in docs/images/ from the bundled data: ``python docs/images/make_images.py``.

Needs the ``plot`` extra (``pip install -e '.[plot]'``). Uses the Agg backend and strips the
PNG's software tag, so the same data and matplotlib version give the same files.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Write ``timeline.png`` and ``membership_count.png`` next to this script."""
    import matplotlib  # noqa: PLC0415 - the plot extra; importing this file must not need it

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt  # noqa: PLC0415

    import pfp.plot  # noqa: PLC0415

    pictures = {
        "timeline.png": pfp.plot.timeline,
        "membership_count.png": pfp.plot.membership_count,
    }
    for name, draw in pictures.items():
        axes = draw()
        axes.figure.savefig(HERE / name, dpi=110, metadata={"Software": None})
        plt.close(axes.figure)
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Page snapshots: the sample's memos drawn as page images (``brief build --format png``) and
compared with the images stored in tests/snapshots/, at a tolerance that survives anti-aliasing
but not a moved paragraph, a lost line or a new page.

After a change that is meant to alter what the memos look like, look at the new pages, then
store them:

    BRIEF_REFRESH_SNAPSHOTS=1 .venv/bin/python -m pytest tests/test_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.conftest import SHARED, brief, sample_workspace

SNAPSHOTS = Path(__file__).parent / "snapshots"
AUDIENCES = ("principal", "staff", "public", "congressional")
DPI = 30
MEAN = 2.0  # mean absolute difference of grey levels, of 255, over the whole image
STRAY = 0.004  # share of pixels that may differ by more than a quarter of the range
REFRESH = os.environ.get("BRIEF_REFRESH_SNAPSHOTS") == "1"

pytestmark = pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="the sample's raw sources (../shared) are absent")


@pytest.fixture(scope="module")
def images(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = sample_workspace(tmp_path_factory.mktemp("snapshots"))
    result = brief(ws, "build", "--quiet", "--format", "png", "--dpi", str(DPI))
    assert result.exit_code == 0, result.output
    return ws / "build" / "us-mexico-security"


def difference(new: Path, stored: Path) -> tuple[float, float] | None:
    """Mean absolute difference and the share of strongly differing pixels; None when the two
    images differ in size (pages were added, lost or resized)."""
    import numpy as np
    from PIL import Image

    # Grey levels: the snapshots are stored in grey to keep the repository small.
    with Image.open(new) as first, Image.open(stored) as second:
        a = np.asarray(first.convert("L"), dtype=np.int16)
        b = np.asarray(second.convert("L"), dtype=np.int16)
    if a.shape != b.shape:
        return None
    diff = np.abs(a - b)
    return float(diff.mean()), float((diff > 64).mean())


@pytest.mark.parametrize("audience", AUDIENCES)
def test_pages_look_as_stored(images: Path, audience: str) -> None:
    new = images / f"{audience}.png"
    stored = SNAPSHOTS / f"{audience}.png"
    if REFRESH:
        from PIL import Image

        SNAPSHOTS.mkdir(exist_ok=True)
        with Image.open(new) as image:
            image.convert("L").save(stored, optimize=True)
        pytest.skip(f"stored a new snapshot of the {audience} memo")
    assert stored.is_file(), f"no snapshot of the {audience} memo; see this module's docstring to store one"
    found = difference(new, stored)
    assert found is not None, f"the {audience} memo's pages changed size or number; look at {new} and refresh if meant"
    mean, stray = found
    assert mean <= MEAN and stray <= STRAY, f"the {audience} memo looks different (mean {mean:.2f}, stray {stray:.4f}); look at {new}"


def test_a_moved_paragraph_is_caught(images: Path, tmp_path: Path) -> None:
    """The tolerance is not so loose that a visible change passes: the principal memo's page
    shifted down by two lines of type differs beyond it."""
    from PIL import Image

    with Image.open(images / "principal.png") as image:
        page = image.convert("RGB")
    shifted = Image.new("RGB", page.size, (255, 255, 255))
    shifted.paste(page.crop((0, 0, page.width, page.height - 12)), (0, 12))
    moved = tmp_path / "moved.png"
    shifted.save(moved)
    found = difference(moved, images / "principal.png")
    assert found is not None
    mean, stray = found
    assert mean > MEAN or stray > STRAY

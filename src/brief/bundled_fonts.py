"""The fonts memos and charts are set in, shipped with brief: Liberation Serif and Liberation Sans
2.1.5 (regular, bold, italic, bold italic; SIL Open Font License 1.1, see ``fonts/OFL.txt``).

Base module (every stage may use it). A PDF laid out in whatever fonts the machine has changes
with the machine: without Liberation installed the principal memo took two pages, and a second
Liberation package changed the bytes of an unchanged memo. So the stylesheet loads these files by
``@font-face`` under family names of brief's own (:data:`SERIF`, :data:`SANS`), which no system
font carries and so none can stand in for; charts measure and draw with the same files.

The stylesheet names a file as ``brief-font:<file name>`` rather than by its path: the HTML (and
the PDF identifier derived from it) must not depend on where brief is installed, and only the PDF
renderer's fetcher resolves that scheme (:func:`resolve`), to that folder and nothing else.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "fonts"
SERIF = "brief Serif"  # Liberation Serif: the metrics of Times New Roman
SANS = "brief Sans"  # Liberation Sans: the metrics of Arial
SCHEME = "brief-font"

_STYLES = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}
# (family, bold, italic) -> file in FOLDER
FACES: dict[tuple[str, bool, bool], str] = {
    (family, bold, italic): f"{stem}-{style}.ttf"
    for family, stem in ((SERIF, "LiberationSerif"), (SANS, "LiberationSans"))
    for (bold, italic), style in _STYLES.items()
}


def font_file(family: str, bold: bool = False, italic: bool = False) -> Path:
    """The bundled file of one face of :data:`SERIF` or :data:`SANS`."""
    return FOLDER / FACES[family, bold, italic]


def resolve(url: str) -> Path | None:
    """The bundled file a ``brief-font:<name>`` URL names, or None for any other URL: a name
    outside :data:`FACES` (a path, ``..``, another file of the folder) resolves to nothing."""
    scheme, colon, name = url.partition(":")
    if not colon or scheme.lower() != SCHEME or name not in FACES.values():
        return None
    return FOLDER / name

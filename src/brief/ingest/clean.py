"""Cleaning: normalised text as paragraphs, without page furniture or repeated paragraphs.

Stage: after reading. Produces :class:`CleanText`, whose ``text`` is the paragraphs joined by
blank lines; every later extraction records character spans in that text. Curly quotation marks
stay as written (quotations are verbatim); no-break and zero-width characters do not, and neither
do private-use characters (brief marks spans with U+E000/U+E001 itself) or control characters
other than newline and tab (:mod:`brief.untrusted`): text from a source is hostile until cleaned.
:func:`plain` cleans what readers take from a format's metadata in the same way.
Furniture (related-article lists, "Most Popular", share prompts, copyright and reprint lines, tag
lines, photo credits, markup left in a plain-text record) is dropped; an author bio at the end is kept aside for metadata.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from brief.quickre import lowered, may_hold
from brief.untrusted import clean_text

# Invisible characters are dropped and odd spaces made plain by two substitutions: a translation
# table would look up every character of the text, four times slower.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000\t]")

# Whole paragraphs that are page furniture, not content.
_FURNITURE = re.compile(
    r"""^(?:
        most\ popular | most\ read | load\ more | read\ more | see\ more | related(?:\ articles?|\ stories|\ content)?
      | recommended(?:\ for\ you)? | advertisement | sponsored(?:\ content)? | share(?:\ this(?:\ article|\ story)?)?
      | share\ on\ \w+ | follow\ (?:us|him|her|them)\ on\ \w+.* | sign\ up\b.* | subscribe\b.* | newsletter\b.*
      | (?:getty|ap|afp|reuters)\ images? | (?:photo|image|credit|source)s?:\ .{0,80} | \(photo:.*\)
      | tags?\b.* | topics?:.* | filed\ under\b.* | more:.* | copyright\b.* | ©.* | all\ rights\ reserved.*
      | click\ here\b.* | comments?(?:\ \(\d+\))? | print | email | (?:gallery|slideshow|photos):\ .{0,120}
      | -{3,} | \*{3,} | _{3,}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Paragraphs that are furniture by words further in: each of these alternatives reads the whole
# paragraph, so they are tried only on one that holds the words one of them needs.
_FURNITURE_WITHIN = re.compile(
    r"""^(?:
        .*\breprinted\ (?:here\ )?(?:for|with)\b.* | .*\bmay\ not\ be\ (?:reproduced|published)\b.*
      | .*\bviews\ expressed\ by\ contributors\b.* | .{0,120}\|\ ?\d+\ (?:photos|images|pictures|slides)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_WITHIN_NEEDS = ("reprinted ", "may not be ", "views expressed by contributors", "|")
_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")  # Markdown's strong emphasis, around the words kept
_NOT_WORDS = re.compile(r"\W+")
_SPACE_RUN = re.compile(" {2,}")
# A heading after which the rest of the page is a list of other articles.
_TAIL = re.compile(
    r"^(?:more\ from\ .{2,40}|related(?:\ articles?|\ stories)?|you\ may\ also\ like|read\ next|most\ popular)$", re.I | re.X
)
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’-]+\ ){1,3}[A-Z][\w'’-]+)\ (?:is|was|serves\ as)\ (?:a|an|the)\ .{10,}",
    re.X,
)
# A gallery's link closing a paragraph ("... costs $500. Gallery: Xbox One X | 14 Photos").
_GALLERY_TAIL = re.compile(r"\s(?:Gallery|Slideshow|Photos): [^.!?|]{1,120}\| ?\d+ (?:Photos|Images|Pictures|Slides)$", re.I)
GALLERY_TAIL = 160  # characters at a paragraph's end a gallery's link is looked for in
# A slideshow's numbered caption ("- 12/50 Sky adds customers ..."): its captions are other
# stories, whose numbers are not the article's.
_SLIDE = re.compile(r"^(?:[-•*]\s*)?(\d{1,3})\s?/\s?(\d{1,3})\s")
SLIDE_RUN = 3  # numbered captions in a row that make a slideshow
# Markup left in a record saved as plain text (an image's tag, its srcset of sizes, an emphasis):
# its attributes' numbers are no part of the text. `[^<>]` stops at the next bracket, so a '<'
# with no '>' costs one scan to the next bracket, not to the paragraph's end.
# Only HTML's own element names count: "if x<y and z>w" in prose is not markup.
_TAG = re.compile(
    r"</?(?:a|abbr|article|aside|audio|b|blockquote|br|caption|cite|code|div|em|figcaption|figure|font|footer|h[1-6]|header"
    r"|hr|i|iframe|img|ins|del|li|mark|nav|noscript|ol|p|picture|pre|q|s|script|section|small|source|span|strike|strong|style|sub|sup|table"
    r"|tbody|td|th|thead|time|tr|u|ul|video|wbr)(?=[\s/>])(?:\s[^<>]*)?/?>",
    re.I,
)
_JOINED_QUOTE_MARK = re.compile(r"(?<=\S) > (?=[^\W\d_]|[“‘\"'])")
_MD_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+(?=\S))")


@dataclass
class CleanText:
    paragraphs: list[str]
    text: str = ""
    starts: list[int] = field(default_factory=list)  # offset of each paragraph in `text`
    bios: list[str] = field(default_factory=list)  # author bios removed from the end
    furniture: list[str] = field(default_factory=list)  # dropped lines, kept for metadata clues
    first_line: str = ""  # the first non-empty line before cleaning (often the headline)

    def __post_init__(self) -> None:
        self.starts, pos = [], 0
        for para in self.paragraphs:
            self.starts.append(pos)
            pos += len(para) + 2
        self.text = "\n\n".join(self.paragraphs)


def normalize(text: str) -> str:
    """NFC, odd spaces plain, invisible characters dropped, no private-use or control characters,
    and newlines for carriage returns."""
    text = unicodedata.normalize("NFC", text)
    return clean_text(_ODD_SPACE.sub(" ", _INVISIBLE.sub("", text)))


def plain(value: str, limit: int) -> str | None:
    """A metadata value (a title, an author, a date) without private-use or control characters,
    or None when it is blank or longer than `limit` characters (a megabyte "title" is not one)."""
    if len(value) > 4 * limit:
        return None  # not worth cleaning
    value = clean_text(value)
    return value if value.strip() and len(value) <= limit else None


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs from blank-line blocks. A block of long lines holds one paragraph per line (text
    saved from a web page); a block of short lines is one hard-wrapped paragraph (PDF text)."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [_SPACE_RUN.sub(" ", line).strip() if "  " in line else line.strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if lines and all(line.startswith(">") for line in lines):
            # A block quotation marked line by line ("> …"), as mail and Markdown mark one
            lines = [stripped for line in lines if (stripped := line.lstrip("> ").strip())]
        if not lines:
            continue
        long_lines = sum(len(line) > 160 for line in lines)
        if len(lines) > 1 and long_lines >= len(lines) / 2:
            paragraphs.extend(lines)
            continue
        # Hard-wrapped lines run close to the wrap width; a much shorter line (a heading, a
        # dateline, a paragraph's last line) ends its paragraph. A paragraph is built as a list
        # of pieces (its last line last) and joined once, so a block of many lines costs no more
        # than its length; `tail` is the end of the paragraph so far.
        width = max(len(line) for line in lines)
        pieces: list[str] = []
        tail = previous = ""
        for k, line in enumerate(lines):
            if not pieces:
                pieces, tail = [line], line[-3:]
            elif not previous.endswith("-") and (
                len(previous) < (0.75 if line[:1].isupper() else 0.6) * width or _block_ends(previous, line, lines[k + 1 : k + 2], width)
            ):
                paragraphs.append("".join(pieces))
                pieces, tail = [line], line[-3:]
            elif tail.endswith("-") and not tail.endswith(" -") and line[:1].islower():
                pieces[-1] = pieces[-1][:-1]  # a word hyphenated across lines
                pieces.append(line)
                tail = (tail[:-1] + line)[-3:]
            else:
                pieces += [" ", line]
                tail = (tail + " " + line)[-3:]
            previous = line
        paragraphs.append("".join(pieces))
    return paragraphs


_SIGNATURE = re.compile(r"\s*[—–]\s*[A-Z@]")


def signature_line(sentence: str) -> bool:
    """A short line that signs a post or a quotation ("— Rep. Ana Roe (@anaroe) May 3, 2024"):
    who signed and when, neither a point of the text nor an event of it."""
    return bool(_SIGNATURE.match(sentence)) and len(sentence.split()) <= 12


_SENTENCE_ENDS = re.compile(r"[.!?:][”\"’')\]]*$")


def _block_ends(previous: str, line: str, after: list[str], width: int) -> bool:
    """Whether a short layout's block ends before `line` though `previous` runs near the wrap width:
    a sentence that ends well short of it ("… praised the plan this week." over "Jane Roe") or a
    line that is one whole quotation ("“We have waited …”" over "Senator Ann Lee"); a label line
    above a quotation's first line ("Tom Vance, President, Harbor Union" over "“We …"), with a
    break before the label as after it."""
    ends = bool(_SENTENCE_ENDS.search(previous))
    opens = line[:1].isupper() or line[:1] in '“"‘'
    if ends and opens and (len(previous) < 0.85 * width or re.fullmatch(r"“[^“”]+[.!?]”", previous)):
        return True

    def label(text: str, below: list[str]) -> bool:
        return len(text) < 0.75 * width and not _SENTENCE_ENDS.search(text) and bool(below) and below[0][:1] in '“"‘'

    return (line[:1] in '“"‘' and label(previous, [line])) or (ends and label(line, after))


def _unlink(para: str) -> str:
    """Markdown links as their text: ``re.sub(r"\\[([^\\]]*)\\]\\([^)]*\\)", r"\\1", para)``, in time
    linear in the paragraph. The pattern tries every '[' and reads on to the next ']' and then the
    next ')', which is quadratic when they are missing; here each next ']' and ')' is looked up
    once for all the brackets before it."""
    if "](" not in para:
        return para
    out: list[str] = []
    done, close_bracket, close_paren = 0, -2, -2  # -2: not looked for yet (-1: there is none)
    opening = para.find("[")
    while opening >= 0:
        if close_bracket != -1 and close_bracket <= opening:
            close_bracket = para.find("]", opening + 1)
        if close_bracket < 0:
            break  # no ']' after this '[', nor after any later one
        if para.startswith("(", close_bracket + 1):
            if close_paren != -1 and close_paren <= close_bracket + 1:
                close_paren = para.find(")", close_bracket + 2)
            if close_paren < 0:
                break
            out += [para[done:opening], para[opening + 1 : close_bracket]]
            done = close_paren + 1
            opening = para.find("[", done)
        else:
            opening = para.find("[", opening + 1)
    out.append(para[done:])
    return "".join(out)


def clean(text: str, markdown: bool = False) -> CleanText:
    # Two apostrophes written for a double quotation mark (''…'', as some wire copy has it) are
    # one, so quotations read alike; `brief check` folds them the same way.
    text = normalize(text).replace("''", '"')
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    raw = split_paragraphs(text)
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for para in raw:
        if markdown or para.startswith("#"):
            para = _MD_MARKS.sub("", para)
        # Emphasis markers and link targets from text saved as Markdown are not content.
        if "**" in para or "__" in para:
            para = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), para)
        para = _unlink(para)
        # A block quotation's marks left inside a line when its wrapped lines were joined ("on X: >
        # “US factories are > booming”"): no comparison (a number follows that), and not the words'.
        para = _JOINED_QUOTE_MARK.sub(" ", para) if " > " in para else para
        para = _without_gallery_tail(para.strip())
        if not para:
            continue
        key = _NOT_WORDS.sub(" ", para.lower()).strip()
        if _TAIL.match(para.rstrip(":")) and len(kept) > 2:
            dropped.append(para)
            break
        if is_furniture(para):
            dropped.append(para)
            continue
        if key in seen and len(key) > 20:
            continue  # the same paragraph twice: a scraping artefact
        seen.add(key)
        kept.append(para)
    kept = _without_slideshows(kept, dropped)
    bios: list[str] = []
    # Author bios sit at the end; several co-authors' bios may follow one another.
    while len(kept) > 3 and len(kept[-1]) < 600 and _BIO.match(kept[-1]):
        bios.insert(0, kept.pop())
    return CleanText(kept, bios=bios, furniture=dropped, first_line=first_line)


def is_furniture(para: str) -> bool:
    """Whether a paragraph is page furniture ("Most Popular", "Share this article", a reprint line)."""
    if _FURNITURE.match(para):
        return True
    return may_hold(lowered(para), _WITHIN_NEEDS) and _FURNITURE_WITHIN.match(para) is not None


def without_markup(text: str) -> str:
    """Text without markup left in a record saved as plain text or Markdown (an image's tag with
    its srcset of sizes, a footnote's anchor): its attributes' numbers are no part of the text.
    The readers remove it, so that `brief check`, which reads a source through them, finds a
    drafted quote where ingest found it."""
    return _TAG.sub("", text) if "<" in text else text


def _without_gallery_tail(para: str) -> str:
    """The paragraph without a gallery's link at its end; only its last characters are read, as a
    pattern tried at every space of a paragraph would cost its length squared."""
    tail = _GALLERY_TAIL.search(para, max(0, len(para) - GALLERY_TAIL))
    return para[: tail.start()].rstrip() if tail else para


def _without_slideshows(paragraphs: list[str], dropped: list[str]) -> list[str]:
    """The paragraphs without a slideshow: a run of captions numbered k/N of one N, k rising
    ("1/50", "2/50", ...), and the short heading right before it ("Business news in pictures")."""
    numbers = [(int(m.group(1)), m.group(2)) if (m := _SLIDE.match(p)) else None for p in paragraphs]
    drop: set[int] = set()
    index = 0
    while index < len(paragraphs):
        run = index + 1
        while (first := numbers[index]) and run < len(paragraphs) and (this := numbers[run]) and this[1] == first[1]:
            if this[0] <= (numbers[run - 1] or first)[0]:
                break
            run += 1
        if run - index >= SLIDE_RUN:
            drop.update(range(index, run))
            heading = paragraphs[index - 1] if index else ""
            if heading and len(heading) <= 80 and heading[-1:] not in '.!?"”':
                drop.add(index - 1)
        index = run
    dropped.extend(paragraphs[i] for i in sorted(drop))
    return [p for i, p in enumerate(paragraphs) if i not in drop]

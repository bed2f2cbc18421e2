"""People a text names outside its sentences' grammar: credit lines ("Contributions: A, B",
"Reporting by A and B"), items of a bulleted list that are names ("- A - B: Daughter of X"),
nominees ("A, of Ohio, to be Ambassador to X"), and names with a nickname inside them (Joaquín
“El Chapo” Guzmán, Ana "la Jefa" Ruiz).

Stage: extraction (used by :mod:`.names`). Each pass reads the text once with a bounded pattern and
looks at most a line (credit lines and list items) or a few words (nicknames) around each match,
so the cost is linear in the text.
"""

from __future__ import annotations

import re

from brief.ingest.namewords import SP, join_name, name_groups
from brief.ingest.vocabulary import NAME_WORD, is_person_name
from brief.quickre import word_start

MAX_LINE = 400  # characters of a credit line or a list line; longer ones are prose
_CREDIT = re.compile(
    r"^[*_ \t]*(?:by|contributions?|contributing|contributors?|(?:additional[ \t]+|with[ \t]+)?reporting|reported|written|edited|"
    r"compiled|photos?|photographs|interviews?)\b",
    re.I | re.M,
)
_CREDIT_WORDS = re.compile(
    r"\b(?:additional|with|contributions?|contributing|contributors?|reporting|reported|written|edited|editing|compiled|"
    r"photos?|photographs|interviews?|writing|research|graphics|by)\b:?",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:[,;&|]|\band\b)\s*")
_IN_PLACE = re.compile(r"\s+(?:in|from)\s+[A-Z].*$")
# A nickname between a given name and a surname: the marks, at most four words inside, a space.
_NICKNAME = re.compile(r"[“\"‘'](?P<nick>[^“”\"‘’'\n]{1,30})[”\"’'][^\S\n]+(?=[A-ZÀ-Þ])")
_NAME_BEFORE = re.compile(rf"(?P<name>{NAME_WORD}(?:{SP}{NAME_WORD}){{0,2}}){SP}$")
_NAME_AFTER = re.compile(rf"{NAME_WORD}(?:{SP}(?:de{SP}|del{SP}|la{SP})?{NAME_WORD}){{0,3}}")
# List items: a line that starts with a bullet, its items apart by " - " or " • ".
_BULLET_LINE = re.compile(r"^[^\S\n]*[-•*–][^\S\n]+(?P<items>[^\n]{3,400})$", re.M)
_ITEM_SEPARATOR = re.compile(r"[^\S\n]+[-•–][^\S\n]+")


def credited(text: str) -> list[tuple[str, str]]:
    """People of a credit line: a short line that starts "By", "Contributions:", "Reporting by"
    and holds nothing but names ("A, B and C; editing by D"). Role: author or contributor."""
    found: list[tuple[str, str]] = []
    for match in _CREDIT.finditer(text):
        end = text.find("\n", match.start())
        line = text[match.start() : end if end >= 0 else len(text)].strip(" *_")
        if len(line) > MAX_LINE:
            continue
        parts = [_IN_PLACE.sub("", p.strip(" .:*_()")) for p in _SEPARATORS.split(_CREDIT_WORDS.sub(",", line))]
        names = [p for p in parts if p]
        if names and all(2 <= len(n.split()) <= 4 and is_person_name(n) for n in names):
            role = "author" if line[:2].lower() == "by" else "contributor"
            found += [(name, role) for name in names]
    return found


def nicknamed(text: str) -> list[str]:
    """Names written with a nickname inside: 'Ramiro “El Gato” Fuentes Olvera' -> 'Ramiro Fuentes
    Olvera' (the name without the nickname, as a register would write it)."""
    found: list[str] = []
    for match in _NICKNAME.finditer(text):
        if len(match.group("nick").split()) > 4:
            continue
        before = _NAME_BEFORE.search(text, max(0, match.start() - 80), match.start())
        after = _NAME_AFTER.match(text, match.end())
        if before is None or after is None or re.search(r"\b(?:an?|the)\s+$", text[max(0, before.start() - 5) : before.start()], re.I):
            continue  # 'an Americanised "Jimmy" Bond' is a description
        first, last = before.group("name").split(), after.group(0).split()
        head = [g for g in name_groups(first) if g[1] == len(first)]
        tail = [g for g in name_groups(last) if g[0] == 0]
        if head and tail:
            name = join_name(first[head[-1][0] :] + last[: tail[0][1]])
            name = name[:-1] if name.endswith(".") and not re.search(r"\b[A-Z]\.$", name) else name
            if is_person_name(name):
                found.append(name)
    return found


def listed(text: str) -> list[tuple[str, str | None]]:
    """Items of bulleted lists that are names, with the role after a colon or a dash ("- Jane Roe:
    Original Plaintiff"). A line counts when it holds two such items or a bulleted line next to
    it holds one: a list of names, not one name that heads a line of prose."""
    lines: list[tuple[int, int, list[tuple[str, str | None]]]] = []  # (start, end, items)
    for match in _BULLET_LINE.finditer(text):
        items: list[tuple[str, str | None]] = []
        for item in _ITEM_SEPARATOR.split(match.group("items")):
            name, _, role = item.partition(":")
            name = re.sub(r",?\s+(?:Jr|Sr)\.?$", lambda m: " " + m.group(0).strip(", ").rstrip(".") + ".", name.strip())
            words = [w for w in name.split() if w not in ("Jr.", "Sr.")]
            if 2 <= len(words) <= 5 and is_person_name(" ".join(words)):
                items.append((name, role.strip() or None))
        lines.append((match.start(), match.end(), items))
    found: list[tuple[str, str | None]] = []
    for k, (start, end, items) in enumerate(lines):
        near = [
            other
            for n in (k - 1, k + 1)
            if 0 <= n < len(lines)
            and (other := lines[n])[2]
            and not text[min(end, other[1]) : max(start, other[0])].strip()  # nothing but space between the lines
        ]
        if len(items) >= 2 or (items and near):
            found += items
    return found


# A nomination or an appointment as the Senate's lists and releases word it: "Ana B. Ruiz, of
# Ohio, to be an Assistant Secretary of State (Consular Affairs), vice …". The state (or "the
# District of Columbia") between commas, then "to be" or "to serve as", say a person is named.
_NOMINEE = re.compile(
    rf"(?:^|(?<=[.;]\s))(?P<name>{NAME_WORD}(?:{SP}(?:[A-Z]\.|{NAME_WORD})){{1,4}}(?:,{SP}(?:Jr|Sr)\.|{SP}(?:II|III|IV))?),{SP}"
    r"of[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w.’' -]{1,40},[^\S\n]+(?:to[^\S\n]+be|to[^\S\n]+serve[^\S\n]+as)[^\S\n]+(?:an?[^\S\n]+|the[^\S\n]+)?"
    r"(?P<role>[^,;\n]{3,160})",
    re.M,
)
# What every nomination holds, looked for first: a comma opens it, so the engine scans for commas.
_NOMINATION_WORDS = re.compile(r",[^\S\n]+to[^\S\n]+(?:be|serve)")


# Whom a nominee succeeds: "…, vice Carla L. Gallo, term expired." / "vice Tom Lee, resigned" / "vice Eli Pedro."
_SUCCEEDED = re.compile(
    rf"{word_start('vice')}{SP}(?P<name>{NAME_WORD}(?:{SP}(?:[A-Z]\.|{NAME_WORD})){{1,4}}(?:,{SP}(?:Jr|Sr)\.)?)"
    r"(?:,[^\S\n]+(?:resigned|retired|deceased|term\s+expired|elevated|removed|withdrawn|transferred)\b|(?=\.(?:\s|$)))"
)


def nominated(text: str) -> list[tuple[str, str | None]]:
    """Nominees and appointees with the office they are named to, its term left out ("… for a
    term expiring June 1, 2027"), and the people whose seats they take."""
    found: list[tuple[str, str | None]] = []
    for match in _NOMINEE.finditer(text) if _NOMINATION_WORDS.search(text) else ():
        role = re.split(r"\s+for\s+(?:a|the)\s+(?:term|remainder)\b|\s+\((?:Reappointment|New Position)\)", match.group("role"))[0]
        found.append((match.group("name"), role.strip()))
    found += [(match.group("name"), None) for match in _SUCCEEDED.finditer(text)]
    return found

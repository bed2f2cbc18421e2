"""Organisations a source names: departments, agencies, companies, universities, parties,
international bodies.

Stage: extraction (after cleaning). The text is read once as runs of capitalised words; in each
run an organisation is found at a word that heads one ("Department", "University", "Inc."). It
reaches left over the words that name it ("U.S. Fish and Wildlife Service") and right over a
complement ("Bureau of Industry and Security"), and stops where a name cannot go on: at a title
("Nominee for Director of the ..."), a headline's verb ("Researcher Says The ..."), "The", a
possessive ("Commerce's"), a sentence's end. An acronym in parentheses after a name is that
name's alias, not a second organisation. Cost: one pass over the text, then work per run.
"""

from __future__ import annotations

import re

from brief.ingest.vocabulary import (
    ABBREVIATIONS,
    HEADLINE_VERBS,
    NOT_BODY_START,
    NOT_NAME,
    ONE_WORD_ORGS,
    ORG_HEADS,
    TITLES,
    bare,
    ends_sentence,
)

MAX_ORGANIZATIONS = 500  # distinct names compared with each other
MAX_KEPT = 40  # names a draft keeps, in order of first mention
_SP = r"[^\S\n]+"
_WORD = r"(?:[A-Z]|\d{1,4}(?:st|nd|rd|th)\b)[\w.&'’-]{0,59}"
# The first word's character is read first and the one before it looked back for, so that the
# engine scans for a capital or a digit.
_RUN = re.compile(
    rf"[A-Z\d](?<![\w'’-].)(?:(?<=[A-Z])|(?<=\d)\d{{0,3}}(?:st|nd|rd|th)\b)[\w.&'’-]{{0,59}}"
    rf"(?:{_SP}(?:(?:of|for|to|the|and|on|at|de|del|du|des|&){_SP}){{0,3}}{_WORD}){{0,14}}"
)
_COMPANY = frozenset("Inc. Inc Ltd. Ltd LLC LLP PLC Plc Corp. Corp Co. GmbH AG".split())
_COMPANY_AFTER = re.compile(r",?[^\S\n]+(?P<suffix>Inc\.|Inc\b|Ltd\.?|LLC\b|LLP\b|PLC\b|Corp\.?|GmbH\b)(?![\w-])")
_LINKS = frozenset("of for on to at de del du des".split())
_WEAK_HEADS = frozenset(
    "Unit Division Group Team Panel Board Force Network Partnership Trust Union House Press Media Radio News Times Post Journal "
    "Gallery Library Hospital Clinic Church Command Directorate Delegation Caucus Reserve Corps Fund".split()
)
_GENERIC_POSSESSORS = frozenset("Women Children People Veterans Workers Men Citizens Girls Boys Farmers Teachers Nurses".split())
_ACRONYM = re.compile(r"[^\S\n]*\((?P<acr>[A-Z][A-Za-z&]{1,7})\)")


def find_organizations(text: str, people: list[str] | None = None) -> list[str]:
    """Organisation names in order of first mention, at most 25, a name inside a longer one left
    out ("Security Group" inside "High-level Security Group")."""
    surnames = {w for name in people or [] for w in name.split()[-1:]}
    first_names = {name.split()[0] for name in people or [] if " " in name}
    found: dict[str, None] = {}
    for match in _RUN.finditer(text):
        if len(found) >= MAX_ORGANIZATIONS:
            break
        start = match.start()
        pieces = _sentences(match.group(0))
        for n, tokens in enumerate(pieces):
            # Only the run's last sentence can go on into a company's suffix (", Inc.").
            for org in _organizations(tokens, text, start, match.end() if n == len(pieces) - 1 else -1, surnames, first_names):
                found.setdefault(org, None)
    # A name that another ends with is that one without its modifiers ("Department of Justice",
    # "U.S. Department of Justice"); one that another starts with is a body of its own ("Howard
    # University", "Howard University School of Law").
    names = list(found)
    return [n for n in names if not any(n != other and other.endswith(" " + n) for other in names)][:MAX_KEPT]


def _sentences(run: str) -> list[list[str]]:
    """The run's tokens, cut where a sentence ends ("Mexico. Issues for Congress")."""
    tokens = run.split()  # a run holds no line break: its spaces are _SP's
    if not any(map(ends_sentence, tokens)):
        return [tokens]  # most runs: no sentence ends inside
    parts: list[list[str]] = [[]]
    for token in tokens:
        if ends_sentence(token):
            parts[-1].append(token[:-1])
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def _organizations(tokens: list[str], text: str, start: int, end: int, surnames: set[str], first_names: set[str]) -> list[str]:
    suffix = _COMPANY_AFTER.match(text, end) if end >= 0 and tokens[-1] not in _COMPANY else None
    if suffix:  # "Acme Widgets, Inc.": the suffix heads the company's name
        while tokens and tokens[0] in NOT_BODY_START:
            tokens = tokens[1:]
        return [" ".join(tokens) + ("," if text[end] == "," else "") + " " + suffix.group("suffix")] if tokens else []
    company = tokens[-1] in _COMPANY
    # A possessive ends a name ("Commerce's Bureau"), except inside a company's ("Women's Health Inc.").
    pieces: list[list[str]] = [[]]
    for token in tokens:
        # "Mayor's Fund", "Children's Institute": a title or a kind of people as possessor is part
        # of the name; "Department of Justice's Bureau" is two names.
        generic = bare(token) in _GENERIC_POSSESSORS or (bare(token) in TITLES and not pieces[-1])
        pieces[-1].append(token if generic or company else bare(token))
        if bare(token) != token and not company and not generic:
            pieces.append([])
    found: list[str] = []
    for piece in pieces:
        found += _in_piece(piece, surnames, first_names)
    if found and _ACRONYM.match(text, end) is None and len(tokens) == 1 and tokens[0] in ONE_WORD_ORGS:
        return found
    # An indefinite article makes a kind, not a name: "designated as a Foreign Terrorist Organization".
    if found and re.search(r"\b(?:an?|any|each|every|another)[^\S\n]+$", text[max(0, start - 12) : start]):
        first_word = tokens[0]
        found = [f for f in found if not f.startswith(first_word)]
    return found


def _modifier(token: str) -> bool:
    return (
        bool(token)
        and (token[0].isupper() or token[0].isdigit())
        and token not in NOT_BODY_START
        and token not in HEADLINE_VERBS
        and (token not in TITLES or token in ORG_HEADS)
    )


def _in_piece(tokens: list[str], surnames: set[str], first_names: set[str]) -> list[str]:
    found: list[str] = []
    taken = 0  # tokens before this belong to an organisation already found
    k = 0
    while k < len(tokens):
        token = tokens[k]
        is_head = token in ORG_HEADS and not (k + 1 < len(tokens) and tokens[k + 1] in ORG_HEADS)
        if not is_head:
            if token in ONE_WORD_ORGS and (k == 0 or not _modifier(tokens[k - 1])) and (k + 1 == len(tokens) or tokens[k + 1] in _LINKS):
                found.append(token)
                taken = k + 1
            k += 1
            continue
        left = k
        while left > taken:
            if _modifier(tokens[left - 1]) or (left == k and tokens[left - 1] in TITLES and left - 1 >= taken):  # "Executive Office"
                left -= 1
            elif tokens[left - 1] in ("and", "&") and left - 2 >= taken and _modifier(tokens[left - 2]):
                left -= 2
            else:
                break
        right = k + 1 if token in _COMPANY else _complement(tokens, k + 1, first_names)
        name = tokens[left:right]
        modifiers = tokens[left:k]
        taken = k = max(right, k + 1)
        if len(name) == 1 and name[0] not in ONE_WORD_ORGS and name[0] not in _COMPANY:
            continue
        if not modifiers and token in _WEAK_HEADS and not any(t in ORG_HEADS or t in ONE_WORD_ORGS for t in name[1:]):
            continue  # "Board of Directors", "Unit for North America": a part, not a named body ("Library of Congress" is)
        if name[-1] == "Administration" and modifiers and all(p in surnames or (not p.isupper() and "-" in p) for p in modifiers):
            continue  # "Biden-Harris Administration": a government's term, not an agency's name
        if name[0] in _COMPANY:
            continue
        found.append(" ".join(name))
    return found


def _complement(tokens: list[str], at: int, first_names: set[str]) -> int:
    """The end of "of the Interior", "for Disease Control and Prevention", "to Address Synthetic
    Drug Threats", "of the Director of National Intelligence" after a head word: capitalised words
    joined by small ones. It ends before an organisation of its own ("Civil Rights Division" of
    "the U.S. Department of Justice"), before "and the" (a second name), before a person named
    after it, and before a headline's verb."""
    end, k = at, at
    while k < len(tokens):
        token = tokens[k]
        if token in _LINKS or token in ("and", "&"):
            following = tokens[k + 1] if k + 1 < len(tokens) else ""
            if following == "the" and (token in ("and", "&") or any(t in ORG_HEADS for t in tokens[k + 2 : k + 7])):
                break
            if k == at and token in ("and", "&"):
                break
            k += 1
            if following == "the" and token in _LINKS:
                k += 1
            continue
        if k == at:
            break  # no link word: the name ends at its head
        if token in HEADLINE_VERBS or (
            token in TITLES and token not in ORG_HEADS and token not in NOT_NAME and tokens[k - 1] != "the" and tokens[k - 1] not in TITLES
        ):
            break  # "Bureau of Industry and Security Is Slow", "Unit for X Director Jane Roe"
        if token in first_names:
            break  # "Head of Unit for North America Roberto Velasco"
        if not (token[0].isupper() or token[0].isdigit()):
            break
        end = k + 1
        k += 1
    if end == at:
        return at
    if end - at == 2 and ABBREVIATIONS.fullmatch(tokens[at + 1]):
        return at  # "report to Congress on U.S. efforts": an adjective, not a name
    if tokens[at] == "to" and end - at < 3:
        return at  # "referred by the Department of Justice to Congress"
    return end

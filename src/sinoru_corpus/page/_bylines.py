"""Authors from bylines (``By X and Y``, ``X |Role, Org``, ``X Fall 2016``) and closing bios.

A name is two to four capitalised tokens (initials and particles allowed, honorifics
and degrees stripped) none of which is a curated non-name word, so page furniture
such as "Commentary", "Home" or "Email The Author" never becomes an author.
Affiliations are built from the printed text (``curated=False``); linking them to
the gazetteer happens later.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from .._data import casefolded, load_json
from .._line_facts import per_line
from ..dates._grammar import find_dates, find_years, month_number, weekday_number
from ..model import Author, Evidence, Institution, InstitutionKind, LayoutLine, LineKind
from ._cues import layout_cues
from ._outlets import lookup_outlet
from ._zone import meta_cues, page_zone

__all__ = [
    "READING_TIME_BYLINE",
    "BioReading",
    "BylineName",
    "author_notes",
    "choose_bylines",
    "clean_name",
    "guess_institution_kind",
    "make_institution",
    "merge_authors",
    "parse_author_note",
    "parse_bio",
    "parse_bios",
    "parse_byline",
    "split_role_affiliation",
]


@attrs.frozen
class BylineName:
    """One author named on a byline; ``start``/``end`` are offsets into the line."""

    name: str
    start: int
    end: int
    role: str | None = None
    affiliation: str | None = None


@attrs.frozen
class BioReading:
    """``X is a senior researcher at Org (ACR).`` read into its parts."""

    name: str
    role: str | None
    affiliation: str | None
    acronym: str | None


_PUNCT = " \t\u00a0,;:|·•–—-"


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {
        "by": re.compile(
            r"^(?:(?:written|words|text|story|reporting|compiled)[ \u00a0]+)?by[ \u00a0:]+", re.IGNORECASE
        ),
        "author_label": re.compile(r"^authors?[ \u00a0]*:[ \u00a0]*", re.IGNORECASE),
        "list_sep": re.compile(
            r"[ \u00a0]*(?:,[ \u00a0]*and[ \u00a0]+|,|;|&|[ \u00a0]and[ \u00a0])[ \u00a0]*"
        ),
        "bio": re.compile(
            r"^(?P<name>[^,.;:()]{3,80}?(?:[ \u00a0][A-Z]\.[^,;:()]{1,40}?)?)"
            r"(?:,[ \u00a0]*(?P<deg>[A-Za-z.]{2,10}),?)?"
            r"[ \u00a0]+(?:is|was|serves[ \u00a0]as|works[ \u00a0]as|has[ \u00a0]been)[ \u00a0]+"
            r"(?:(?:a|an|the|currently[ \u00a0]a|currently[ \u00a0]an)[ \u00a0]+)?(?P<rest>.{2,600})$"
        ),
        "acronym": re.compile(r"[ \u00a0]*\((?P<acr>[A-Z][A-Za-z&.\-]{1,14})\)[ \u00a0]*$"),
        "org_end": re.compile(
            r"(?:;|\.[ \u00a0]+(?=[A-Z])|[ \u00a0]+where[ \u00a0]|,[ \u00a0]+where[ \u00a0]"
            r"|,?[ \u00a0]+and[ \u00a0]+"
            r"(?:is|was|has|a|an|the|author|editor|co-author|holds)[ \u00a0]|,[ \u00a0]+(?:and[ \u00a0]+)?"
            r"(?:is|was|has|who|which)[ \u00a0])"
        ),
        # "Posted on", "Published:" before a date that opens a byline
        "date_prefix": re.compile(
            r"^(?:published|posted|updated|last[ \u00a0]updated|date|written)(?:[ \u00a0]+on)?[ \u00a0:]*",
            re.IGNORECASE,
        ),
        "sentence_split": re.compile(r"(?<=[a-z)\]]\.)[ \u00a0]+(?=[A-Z])"),
        "initial": re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.-[A-Z]\.$"),
        "word": re.compile(r"^[^\W\d_][^\W\d_'’\-.]*(?:['’\-][^\W\d_]+)*\.?$"),
    }


def _strip_decorations(tokens: list[str]) -> list[str]:
    cues = layout_cues()
    while tokens and tokens[0].casefold().rstrip(",") in cues.honorifics:
        tokens = tokens[1:]
    while tokens and tokens[-1].casefold().strip(",") in cues.degrees:
        tokens = tokens[:-1]
    if tokens:
        tokens[-1] = tokens[-1].rstrip(",")
    return tokens


@per_line
def clean_name(raw: str) -> str | None:
    """The person name in ``raw`` with honorifics and degrees removed, or ``None``.

    >>> clean_name("Dr. Pavel K. Baev, PhD")
    'Pavel K. Baev'
    """
    if not raw or len(raw) > 80:
        return None
    cues = layout_cues()
    pats = _patterns()
    tokens = _strip_decorations(raw.replace(",", " , ").split())
    tokens = [t for t in tokens if t and t != ","]
    tokens = _strip_decorations(tokens)
    core = [t for t in tokens if t.casefold() not in cues.name_particles]
    if not 2 <= len(core) <= 4 or len(tokens) > 6:
        return None
    if tokens[0].casefold() in cues.name_particles or tokens[-1].casefold() in cues.name_particles:
        return None
    for i, tok in enumerate(tokens):
        low = tok.casefold()
        if low in cues.name_particles:
            continue
        if pats["initial"].match(tok):
            if i == len(tokens) - 1:
                return None
            continue
        if not pats["word"].match(tok) or not tok[0].isupper() or tok.endswith("."):
            return None
        if len(tok) > 1 and tok.isupper():  # acronyms are organisations, not people
            return None
        if low in cues.not_name_words or low.rstrip("’'s") in cues.not_name_words:
            return None
        if i == 0 and len(low) > 6 and low.endswith("ing"):  # gerund-led headings, not names
            return None
    return " ".join(tokens)


def _names(segment: str, offset: int, role: str | None, affiliation: str | None) -> list[BylineName] | None:
    """Split ``X, Y and Z`` into names; ``None`` if any part is not a name."""
    pats = _patterns()
    out: list[BylineName] = []
    pos = 0
    for m in [*pats["list_sep"].finditer(segment), None]:
        end = m.start() if m is not None else len(segment)
        part = segment[pos:end]
        stripped = part.strip(_PUNCT)
        if stripped and stripped.casefold() in layout_cues().degrees:
            stripped = ""
        if stripped:
            name = clean_name(stripped)
            if name is None:
                return None
            lead = part.find(stripped)
            out.append(
                BylineName(name, offset + pos + lead, offset + pos + lead + len(stripped), role, affiliation)
            )
        pos = m.end() if m is not None else len(segment)
    return out or None


def _strip_date(line: str) -> tuple[int, int]:
    """The span of ``line`` left after a leading or trailing date is cut off."""
    start, end = 0, len(line)
    tail = line.rstrip(_PUNCT + ".")
    lead = m.end() if (m := _patterns()["date_prefix"].match(line)) else 0
    spans = [(d.start, d.end) for d in find_dates(line)] + [(s, e) for s, e, _ in find_years(line)]
    for s, e in spans:
        if e >= len(tail) and s > 0:
            end = min(end, s)
        elif not line[lead:s].strip(_PUNCT):
            start = max(start, e)
    return start, end


@per_line
def parse_byline(line: str) -> tuple[BylineName, ...]:
    """The authors named on one byline line; ``()`` when it is not a byline."""
    if not line or len(line) > 300 or line.islower():
        return ()  # every name needs a capital letter (clean_name), so a line with none has none
    pats = _patterns()
    start, end = _strip_date(line)
    body = line[start:end]
    start += len(body) - len(body.lstrip(_PUNCT))
    body = line[start:end]
    if m := pats["by"].match(body) or pats["author_label"].match(body):
        start += m.end()
        body = line[start:end]
    role = affiliation = None
    if "|" in body:  # drop widget segments: "By X | Email the author | 6 minute read"
        # blanked, not removed, so offsets into the line stay valid
        body = "|".join(" " * len(seg) if _is_furniture(seg) else seg for seg in body.split("|"))
    if "|" in body:
        head, _, tail = body.partition("|")
        role, affiliation = split_role_affiliation(tail.strip(_PUNCT))
        body = head
    elif body.count(",") >= 1 and " and " not in body and "&" not in body:
        # "Name, Senior Fellow, Org" (one author with a role)
        head, _, tail = body.partition(",")
        if clean_name(head.strip(_PUNCT)) is not None and (
            _has_role(tail) or guess_institution_kind(tail) is not InstitutionKind.OTHER
        ):
            role, affiliation = split_role_affiliation(tail.strip(_PUNCT))
            body = head
        elif clean_name(head.strip(_PUNCT)) is not None and lookup_outlet(tail.strip(_PUNCT + ".")):
            affiliation, body = tail.strip(_PUNCT + "."), head  # "By X, Reuters"
    names = _names(body, start, role, affiliation)
    return tuple(names) if names else ()


def _is_furniture(segment: str) -> bool:
    cf = segment.strip(_PUNCT).casefold()
    cues = layout_cues()
    return not cf or cf in cues.furniture_lines or any(p in cf for p in cues.furniture_contains)


def _has_role(text: str) -> bool:
    words = text.casefold().replace(",", " ").split()
    roles = layout_cues().bio_roles
    return any(w in roles for w in words[:6])


def split_role_affiliation(text: str) -> tuple[str | None, str | None]:
    """``"Senior Officer, NATO Nuclear Policy Directorate"`` -> role and organisation."""
    text = text.strip(_PUNCT + ".")
    if not text:
        return None, None
    low = text.casefold()
    for prep in (" at ", ", "):
        i = low.find(prep)
        if i > 0:
            role, org = text[:i].strip(_PUNCT), text[i + len(prep) :].strip(_PUNCT)
            if org[:4].casefold() == "the ":
                org = org[4:]
            return role or None, org or None
    if guess_institution_kind(text) is not InstitutionKind.OTHER and not _has_role(text):
        return None, text
    return text, None


@per_line
def guess_institution_kind(name: str) -> InstitutionKind:
    """The kind suggested by an organisation name's head noun or an IGO acronym in it."""
    cues = layout_cues()
    low = name.casefold()
    words = set(_WORDS_PLUS.findall(low))
    if words & cues.igo_acronyms or any(" " in a and a in low for a in cues.igo_acronyms):
        return InstitutionKind.IGO
    best: tuple[int, InstitutionKind] | None = None
    for head, kind, pattern in _head_patterns():
        if head not in low:
            continue  # the pattern needs the head's letters
        m = pattern.search(low)
        # the head noun that comes first before a comma names the body: "Institute, Oslo"
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), kind)
    return best[1] if best else InstitutionKind.OTHER


_WORDS_PLUS = re.compile(r"[\w+]+")
_NON_SPACE = re.compile(r"\S+")
_AND_OR_AMP = re.compile(r"(?<![^\W\d_])and(?![^\W\d_])|&")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


@functools.cache
def _head_patterns() -> tuple[tuple[str, InstitutionKind, re.Pattern[str]], ...]:
    """Each institution head noun (longest first) with its whole-word pattern."""
    return tuple(
        (head, kind, re.compile(rf"\b{re.escape(head)}\b")) for head, kind in layout_cues().institution_heads
    )


def make_institution(name: str, acronym: str | None = None) -> Institution | None:
    """An uncurated :class:`Institution` for a printed affiliation."""
    name = name.strip(_PUNCT + ".")
    if not name or not name[0].isupper():
        return None
    return Institution(name=name, kind=guess_institution_kind(name), acronym=acronym, curated=False)


@per_line
def parse_bio(line: str) -> BioReading | None:
    """Read ``X[, Ph.D.] is a <role> at <Org> (ACR).``; ``None`` when the line is not a bio."""
    if not line or len(line) > 700:
        return None
    pats = _patterns()
    line = line.strip()
    honorifics = layout_cues().honorifics
    while (head := line.split(None, 1)) and len(head) == 2 and head[0].casefold() in honorifics:
        line = head[1]  # "Dr. Olga Ivanova is ..."
    m = pats["bio"].match(line)
    if m is None:
        return None
    name = clean_name(_drop_repeated_given(m["name"].strip()))
    if name is None:
        return None
    rest = m["rest"]
    low = rest.casefold()
    cues = layout_cues()
    role: str | None = None
    org_text: str | None = None
    # the earliest preposition before a capitalised name ("reporter for Example News covering
    # issues of trade"), else the first in the data's order ("professor of history")
    found = [(i, prep) for prep in cues.bio_prepositions if (i := low.find(f" {prep} ")) > 0]
    named = [(i, p) for i, p in found if _role_ok(rest[:i]) and _capitalised(rest[i + len(p) + 2 :])]
    for i, prep in [min(named)] if named else found:
        if _role_ok(rest[:i]):
            role, org_text = rest[:i].strip(), rest[i + len(prep) + 2 :]
            break
    if role is None:
        return None
    if role.casefold().startswith("the "):
        role = role[4:]
    words = role.split()
    if len(words) > 1 and words[-1].casefold().endswith(("ed", "ing")):
        # "a journalist based in Beijing", "a researcher specialising in Central Asia": a place or
        # a topic follows the participle, not an employer
        role, org_text = " ".join(words[:-1]), None
    acronym = None
    if org_text is not None:
        cut = pats["org_end"].search(org_text)
        org_text = _org_words(org_text[: cut.start()] if cut else org_text).strip(_PUNCT + ".")
        if org_text.casefold().startswith("the "):
            org_text = org_text[4:]
        if am := pats["acronym"].search(org_text):
            acronym = am["acr"].rstrip(".")
            org_text = org_text[: am.start()].strip(_PUNCT)
        if not org_text or not org_text[0].isupper():
            org_text, acronym = None, None
    return BioReading(name, role, org_text, acronym)


def _org_words(s: str) -> str:
    """``s`` cut before its first lowercase word that is not a function word: an organisation's
    name ends where the sentence goes on ("Example News covering trade" → "Example News")."""
    fw = meta_cues().function_words
    for m in _NON_SPACE.finditer(s):
        w = m[0]
        if w[:1].islower() and w.strip(_PUNCT + ".").casefold() not in fw:
            return s[: m.start()]
    return s


def _capitalised(s: str) -> bool:
    """``s`` opens with a capitalised word, after an optional "the"."""
    s = s.lstrip()
    if s[:4].casefold() == "the ":
        s = s[4:].lstrip()
    return s[:1].isupper()


def _drop_repeated_given(name: str) -> str:
    """A name heading glued to its bio's subject ("Ann Lee Ann is a fellow …" reads "Ann Lee Ann"):
    the trailing words that repeat the name's opening words are the sentence's subject."""
    toks = name.split()
    for k in range(len(toks) // 2, 0, -1):
        if len(toks) - k >= 2 and toks[-k:] == toks[:k]:
            return " ".join(toks[:-k])
    return name


def parse_bios(line: str) -> tuple[BioReading, ...]:
    """Every bio on one line: "X is a fellow at A. Y is an analyst at B." gives two."""
    if not line or len(line) > 2000:
        return ()
    groups: list[str] = []
    for piece in _patterns()["sentence_split"].split(line.strip()):
        if groups and parse_bio(piece) is None:
            groups[-1] += " " + piece  # a second sentence about the same person
        else:
            groups.append(piece)
    return tuple(bio for g in groups if (bio := parse_bio(g)) is not None)


def _role_ok(role: str) -> bool:
    words = role.casefold().split()
    if not 1 <= len(words) <= 8:
        return False
    roles = layout_cues().bio_roles
    return any(w in roles for w in words)


def _key(name: str) -> str:
    return name.split()[-1].casefold() if name.split() else ""


def merge_authors(
    bylines: Sequence[tuple[BylineName, Evidence]], bios: Sequence[tuple[BioReading, Evidence]]
) -> tuple[Author, ...]:
    """Authors in byline order, each completed by the bio of the same person (same surname)."""
    order: list[str] = []
    names: dict[str, str] = {}
    roles: dict[str, str | None] = {}
    orgs: dict[str, Institution | None] = {}
    # evidence kept in first-seen order, deduplicated through a dict (linear, not a list scan)
    evidence: dict[str, dict[tuple[int, int, str], Evidence]] = {}

    def add(name: str, role: str | None, org: Institution | None, ev: Evidence) -> None:
        k = _key(name)
        if k not in names:
            order.append(k)
            names[k], roles[k], orgs[k], evidence[k] = name, role, org, {}
        elif len(name) > len(names[k]):
            names[k] = name
        roles[k] = roles[k] or role
        orgs[k] = orgs[k] or org
        evidence[k].setdefault((ev.start, ev.end, ev.reason), ev)

    for b, ev in bylines:
        add(b.name, b.role, make_institution(b.affiliation) if b.affiliation else None, ev)
    for bio, ev in bios:
        org = make_institution(bio.affiliation, bio.acronym) if bio.affiliation else None
        add(bio.name, bio.role, org, ev)
    return tuple(
        Author(name=names[k], role=roles[k], affiliation=orgs[k], evidence=tuple(evidence[k].values()))
        for k in order
    )


# ------------------------------------------------------------ the page's byline


_NEUTRAL_GIVEN = "Anna"  # stands in for a month-named given name while the rest is checked


@functools.cache
def _choice_patterns() -> dict[str, re.Pattern[str]]:
    labels = "|".join(
        re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in meta_cues().author_labels if w != "by"
    )
    date_cues = "|".join(
        re.escape(w).replace(r"\ ", r"[ \u00a0]+")
        for w in sorted((*meta_cues().published_cues, *meta_cues().updated_cues), key=len, reverse=True)
    )
    heads = {w.split(" ")[0] for w in meta_cues().author_labels if w != "by"}
    word_heads = "|".join(re.escape(h) for h in sorted(heads) if h[:1].isalpha()) or "(?!)"
    other_heads = "|".join(re.escape(h) for h in sorted(heads) if not h[:1].isalpha())
    return {
        # "By X", "Written by X", "Author: X", "… 2019 by X", "Posted on … by X"
        "cue": re.compile(
            rf"(?:^|(?<=[\s\d,|·•–—-]))(?:(?i:{labels})[ \u00a0]*:?|[Bb][Yy]:?)[ \u00a0]+(?=\S)"
        ),
        # what every "cue" match holds in the line itself: "by" or a label's first word, at the
        # start or after the same characters (blanking handles only turns characters into
        # spaces, and a handle never ends right before a letter); the opening character
        # first, so the search skips ahead fast
        "cue_word_head": re.compile(rf"(?:(?i:{word_heads})|[Bb][Yy])"),
        # (a dead alternative would cost the search its fast skip to the opening character)
        "cue_word": re.compile(
            rf"[\s\d,|·•–—-](?:(?i:{word_heads})|[Bb][Yy])" + (f"|(?i:{other_heads})" if other_heads else "")
        ),
        "handle": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+|https?://\S+"),
        # where a byline's names end: a date, a time, a digit, a widget separator
        "stop": re.compile(r"[|/·•(\[]|[ \u00a0][–—-][ \u00a0]|\d|[ \u00a0]on[ \u00a0]|[ \u00a0]-[ \u00a0]"),
        "list_sep": re.compile(
            r"[ \u00a0]*(?:,[ \u00a0]*and[ \u00a0]+|,|;|&|[ \u00a0]and[ \u00a0])[ \u00a0]*"
        ),
        "continuation": re.compile(r"^[ \u00a0]*(?:&|and)[ \u00a0]+"),
        "attribution": re.compile(r"^[ \u00a0]*[—–―]"),
        "cue_only": re.compile(rf"^[ \u00a0]*(?:(?i:{labels})|[Bb][Yy])[ \u00a0]*:?[ \u00a0]*$"),
        "date_cue": re.compile(rf"(?<![^\W\d_])(?i:{date_cues})(?![^\W\d_])"),
        "token": re.compile(r"[^\W\d_]+\.?"),
    }


def _person_name(raw: str) -> str | None:
    """``clean_name`` that also takes an all-capitals name ("ALLY MUTNICK") and never an organisation."""
    s = _unglue_role(raw.strip(_PUNCT + "."))
    name = clean_name(s)
    words = s.split()
    if name is None and len(words) >= 2 and any(month_number(w) is not None for w in words[:-1]):
        # a month's name is a given name too when a surname follows ("Laura June Smith", "April Ross")
        stand_in = " ".join(
            [_NEUTRAL_GIVEN if month_number(w) is not None else w for w in words[:-1]] + words[-1:]
        )
        name = s if clean_name(stand_in) == stand_in else None
    if name is None and s.isupper() and 2 <= len(words) <= 4:
        name = s if clean_name(" ".join(w.capitalize() for w in words)) is not None else None
    if name is None:
        return None
    cues = meta_cues()
    refused = cues.organisation_words | cues.interface_words | layout_cues().bio_roles
    if any(w.casefold().strip(".,") in refused for w in name.split()):
        return None
    return name


_GLUED = re.compile(r"^(?P<head>.*[^\W\d_][a-z])(?P<tail>[A-Z][a-z]+)$")


def _unglue_role(s: str) -> str:
    """A role or label glued to the surname by a browser copy: "Ben SummerReporter" -> "Ben Summer"."""
    m = _GLUED.match(s)
    if m is None or " " not in m["head"]:
        return s
    cues = meta_cues()
    tail = m["tail"].casefold()
    if tail in cues.organisation_words or tail in layout_cues().bio_roles or tail in cues.interface_words:
        return m["head"]
    return s


def _leading_names(segment: str, offset: int, *, whole: bool = False, after: str = "") -> list[BylineName]:
    """The names that open ``segment`` ("X, Y and Z, Staff Writers": X, Y, Z); the first part
    that is not a person's name ends the list (a role, an outlet), after a comma only; with
    ``whole`` every part must be a name or a role. The name after the list's "and" is its last.
    ``after``: the line's text after ``segment`` (where a digit cut the list: "7 News")."""
    out: list[BylineName] = []
    pos = 0
    closed = False
    listed = _AND_OR_AMP.search(segment) is not None
    for m in [*_choice_patterns()["list_sep"].finditer(segment), None]:
        end = m.start() if m is not None else len(segment)
        part = segment[pos:end]
        stripped = part.strip(_PUNCT)
        if stripped and stripped.casefold() not in layout_cues().degrees:
            if closed:
                break
            name = _person_name(stripped)
            if (
                name is not None
                and out
                and not listed
                and name.split()[0].casefold() not in _given_names()
                and not (m is not None and _organisation(segment[m.end() :] + after))
            ):
                name = None  # "X, Project Marketing": without an "and", a later part is a role
            if name is None:
                after_comma = segment[:pos].rstrip().endswith((",", ";"))
                if not out or not after_comma or (whole and not _has_role(stripped)):
                    return out if out and after_comma else []
                break
            lead = offset + pos + part.find(stripped)
            out.append(BylineName(name, lead, lead + len(stripped)))
            closed = pos > 0 and _is_and(segment[:pos])
        pos = m.end() if m is not None else len(segment)
    return out


def _organisation(rest: str) -> bool:
    """The last part of a byline list is an outlet or an organisation ("X, Y, Channel 7 News"):
    the name-shaped parts before it are names, not roles."""
    rest = rest.strip(_PUNCT + ".")
    if not rest or "," in rest or _has_role(rest):
        return False
    return lookup_outlet(rest) is not None or guess_institution_kind(rest) is not InstitutionKind.OTHER


def _is_and(before: str) -> bool:
    """The list separator that ends ``before`` is "and" or "&"."""
    tail = before.rstrip(" \u00a0").casefold()
    return tail.endswith((" and", "&", ",and"))


@per_line
def _continues_or_signs(line: str) -> bool:
    pats = _choice_patterns()
    return pats["continuation"].match(line) is not None or pats["attribution"].match(line) is not None


def _cued_names(line: str) -> list[BylineName]:
    """Names after a byline cue anywhere in the line ("… 2019 by X", "By X @x Feb 1")."""
    return list(_cued(line))


@per_line
def _cued(line: str) -> tuple[BylineName, ...]:
    pats = _choice_patterns()
    if pats["cue_word_head"].match(line) is None and pats["cue_word"].search(line) is None:
        return ()
    clean = pats["handle"].sub(lambda m: " " * len(m[0]), line)
    for cue in pats["cue"].finditer(clean):
        if not _date_words_only(clean[: cue.start()]):
            continue  # "… captured by X", "Reviewed by X": not the author's byline
        rest = clean[cue.end() :]
        stop = pats["stop"].search(rest)
        seg = _before_date_words(rest[: stop.start()] if stop else rest)
        names = _leading_names(seg, cue.end(), after=rest[len(seg) :])
        if names:
            return tuple(names)
    return ()


def _before_date_words(seg: str) -> str:
    """``seg`` cut before a month, weekday or date cue that follows the names
    ("X February 1", "X Last updated …")."""
    pats = _choice_patterns()
    cut = len(seg)
    if (m := pats["date_cue"].search(seg)) is not None:
        cut = m.start()
    for m in pats["token"].finditer(seg, 0, cut):
        if m.start() == 0:
            continue
        after = seg[m.end() : m.end() + 3].lstrip(" \u00a0.")
        # "X July 10": a month before a day ("Laura June Smith" keeps her name); "X Monday,"
        if (month_number(m[0]) is not None and (not after or after[0].isdigit())) or (
            weekday_number(m[0]) is not None and seg[m.end() : m.end() + 1] in (",", "")
        ):
            return seg[: m.start()]
    return seg[:cut]


def _date_words_only(s: str) -> bool:
    """Nothing but dates, times, date-line words and separators (what may precede "by X")."""
    if not s.strip(_PUNCT + "."):
        return True
    spans = [(d.start, d.end) for d in find_dates(s)] + [(a, b) for a, b, _ in find_years(s)]
    chars = list(s)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    words = _LETTER_RUN.findall("".join(chars))
    extra = _date_line_words()
    return all(w.casefold() in extra or weekday_number(w) is not None for w in words)


@functools.cache
def _date_line_words() -> frozenset[str]:
    """Date-line words and the words of the published cues."""
    cues = meta_cues()
    return cues.date_line_words | {c for cue in cues.published_cues for c in cue.split()}


@functools.cache
def _given_names() -> frozenset[str]:
    return casefolded(load_json("names.json")["given_names"])


def _known_given(names: Sequence[BylineName]) -> bool:
    """Every name opens with a curated given name: person-name evidence beyond the shape."""
    given = _given_names()
    return bool(names) and all(n.name.split()[0].casefold() in given for n in names)


def _plain_names(line: str) -> list[BylineName]:
    """A line that is only names, or a name and its role ("X, Staff Attorney, Org", "X | Role");
    what follows a digit must be a date or time ("X 11 February 2020")."""
    pats = _choice_patterns()
    clean = pats["handle"].sub(lambda m: " " * len(m[0]), line)
    if len(clean.split()) > 16:
        return []
    stop = pats["stop"].search(clean)
    if stop is not None and stop[0].isdigit() and not _date_words_only(clean[stop.start() :]):
        return []
    seg = clean[: stop.start()] if stop else clean
    return _leading_names(seg, 0, whole=True)


def _name_item(line: str) -> bool:
    """A short line that is nothing but a name-shaped phrase: an item of a menu or tag list
    when it stands beside another ("Market Movers" over "Innovative Cities")."""
    return (
        len(line.split()) <= 4
        and not _choice_patterns()["continuation"].match(line)
        and not line.rstrip().endswith(",")  # "X, PhD," / "Y, PhD": an author list goes on
        and _person_name(line) is not None
    )


def _dated_neighbours(text: str, spans: Sequence[tuple[int, int]], i: int) -> int:
    """How many of the two lines either side of line ``i`` carry a dated phrase (a list of items)."""
    n = 0
    for k in (i - 2, i - 1, i + 1, i + 2):
        if 0 <= k < len(spans) and spans[k][1] - spans[k][0] <= 300:
            n += any(d.year is not None for d in find_dates(text, spans[k][0], spans[k][1]))
    return n


_LETTERS2 = re.compile(r"[^\W\d_]{2}")


def _in_menu(text: str, spans: Sequence[tuple[int, int]], i: int) -> bool:
    """Line ``i`` stands among short lines: four of its six neighbours are one to three words
    with a word and without a date (a menu or a list of sections, not a header; "1 / 5" or a
    date are the header's widgets)."""
    short = 0
    for k in (i - 3, i - 2, i - 1, i + 1, i + 2, i + 3):
        if 0 <= k < len(spans):
            s = text[spans[k][0] : spans[k][1]]
            if len(s.split()) <= 3 and _LETTERS2.search(s) and not any(True for _ in find_dates(s)):
                short += 1
    return short >= 4


def _signature_names(line: str) -> list[BylineName]:
    """A post's signature under its last paragraph: names alone, then a separator and a date
    ("X — 2024-05-14 — in Notes — Link"); ``[]`` for anything else."""
    first = next((d for d in find_dates(line) if d.year is not None), None)
    if first is None:
        return []
    head = line[: first.start]
    bare = head.rstrip(" \u00a0—–-|·•,")
    if bare == head.rstrip(" \u00a0") or not bare:
        return []  # no separator between the names and the date
    names = _plain_names(bare)
    if not names or names[0].start != len(bare) - len(bare.lstrip()) or names[-1].end != len(bare.rstrip()):
        return []
    return names


READING_TIME_BYLINE = "author name beside the reading time"


@per_line
def _reading_time(line: str) -> bool:
    """A reading-time widget alone on its line ("14 min read", "Reading time: 5 minutes"): five
    words at most, a number and the widget's words (``reading_time_contains``)."""
    if len(line.split()) > 5 or not any(c.isdigit() for c in line):
        return False
    cf = line.casefold()
    return any(w in cf for w in layout_cues().reading_time_contains)


@attrs.frozen
class _BylineFinding:
    rank: tuple[int, int]
    line: int
    names: tuple[BylineName, ...]
    reason: str = "byline"


def choose_bylines(
    text: str, layout: Sequence[LayoutLine], *, date_span: tuple[int, int] | None = None
) -> tuple[tuple[BylineName, Evidence], ...]:
    """The article's byline: its names, each with the evidence of the line it stands on.

    Only the article's header is searched (between the headline and the first
    paragraphs, see ``_zone``), and one byline wins: a line with a byline cue
    ("By X and Y", "Written by X", "Author: X", "… 2019 by X"), then a date line
    whose other words are a name ("X - Apr 16, 2015"), then a short line of names
    next to the date line or right under the headline. A name-shaped line among
    other name-shaped lines (a menu, a tag list) is never taken. Outside the
    header only a cued byline on a date line counts. ``()`` when nothing holds.
    """
    zone = page_zone(text, layout)
    if zone.prose_start is None:
        return ()
    date_line = None
    if date_span is not None:
        date_line = next((i for i, (a, b) in enumerate(zone.spans) if a <= date_span[0] < b + 1), None)
    anchor = date_line if date_line is not None and zone.in_header(date_line) else zone.prose_start
    best: _BylineFinding | None = None
    # the article's last paragraph as the layout reads it: a post's signature stands under it
    last_body = next(
        (i for i in range(len(zone.spans) - 1, -1, -1) if layout[zone.layout_index[i]].kind is LineKind.BODY),
        None,
    )

    def consider(tier: int, i: int, names: list[BylineName], reason: str = "byline") -> None:
        nonlocal best
        if not names:
            return
        rank = (tier, abs(i - anchor))
        if best is None or rank < best.rank:
            best = _BylineFinding(rank, i, tuple(names), reason)

    cue_only = _choice_patterns()["cue_only"].match
    for i, (a, b) in enumerate(zone.spans):
        if b - a > 300:
            continue
        line = text[a:b]
        if _reading_time(line) and i < zone.prose_start:
            # "14 min read" stands beside the author's name, however far above the headline
            for k in (i - 1, i + 1):
                if 0 <= k < zone.prose_start:
                    consider(2, k, _plain_names(text[slice(*zone.spans[k])]), READING_TIME_BYLINE)
        if _continues_or_signs(line):
            continue  # "& Y, Director …" continues the byline above; "— X, Place, date" signs a quote
        # the header: above the prose, or beside the date chosen as the article's
        header = zone.in_header(i, after=3) or (date_line is not None and abs(i - date_line) <= 2)
        cued = _cued_names(line)
        footer = last_body is not None and 0 < i - last_body <= 2
        if not (header or cued or footer):
            continue  # outside the header only a cued line or the post's signature can count
        dated = any(d.year is not None for d in find_dates(line))
        if not cued and cue_only(line) and i + 1 < len(zone.spans):
            # "By" alone on its line, the names on the next: "By / Ariel Hart / - / October 26, 2020"
            c, d = zone.spans[i + 1]
            if header:
                consider(0, i + 1, _plain_names(text[c:d]))
            continue
        if cued:
            inside = zone.prose_end is not None and zone.prose_start <= i <= zone.prose_end
            if header or dated:
                consider(0 if header else 3, i, cued)
            elif inside and len(line.split()) <= 12:  # "Posted by X, Role" among the paragraphs
                consider(4, i, cued)
            continue
        if not header:
            if footer and dated:
                consider(5, i, _signature_names(line))
            continue
        if dated:
            start, end = _strip_date(line)
            names = _plain_names(line[start:end])
            glued = line[start:end].rstrip(" \u00a0")[-1:] not in _PUNCT + "."
            # "Original Research7 April 2020"; "Port Update - May 2, 2026" among other dated items
            if (glued or _dated_neighbours(text, zone.spans, i) >= 2) and not _known_given(names):
                continue
            consider(1, i, [attrs.evolve(n, start=n.start + start, end=n.end + start) for n in names])
            continue
        near_date = date_line is not None and abs(i - date_line) <= 3
        under_title = zone.title is not None and 0 < i - zone.title <= 3
        near_prose = 0 <= zone.prose_start - i <= 2
        if not (near_date or under_title or near_prose):
            continue
        in_list = i == 0 or _in_menu(text, zone.spans, i)  # the page's first line: the site's name
        in_list = in_list or (
            not line.rstrip().endswith(",")
            and any(
                _name_item(text[slice(*zone.spans[k])]) for k in (i - 1, i + 1) if 0 <= k < len(zone.spans)
            )
        )
        if not in_list:
            names = _plain_names(line)
            # shape alone is enough only right beside the date or right under the headline
            beside = (date_line is not None and abs(i - date_line) == 1) or (
                zone.title is not None and i == zone.title + 1
            )
            if beside or _known_given(names):
                consider(2, i, names)
    if best is None:
        return ()
    a, b = zone.spans[best.line]
    chosen = best.names
    full = parse_byline(text[a:b])  # the whole-line reading keeps a role and affiliation ("X |Role, Org")
    if full and {n.name for n in full} == {n.name for n in chosen}:
        chosen = full
    out = [(n, Evidence(a, b, best.reason)) for n in chosen]
    k = best.line
    while k + 1 < len(zone.spans) and len(out) < 12:
        # the byline goes on: "& Y, Director …", or a list of "Name, PhD," lines
        prev = text[slice(*zone.spans[k])].rstrip()
        c, d = zone.spans[k + 1]
        nxt = text[c:d]
        m = _choice_patterns()["continuation"].match(nxt)
        if m is None and not prev.endswith((",", ";")):
            break
        skip = m.end() if m is not None else 0
        more = _plain_names(nxt[skip:])
        if not more:
            break
        out.extend(
            (attrs.evolve(n, start=n.start + skip, end=n.end + skip), Evidence(c, d, "byline")) for n in more
        )
        k += 1
    return tuple(out)


# ------------------------------------------------------------ "The author is …" notes


@functools.cache
def _note_re() -> re.Pattern[str]:
    openers = "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]+") for w in meta_cues().bio_openers)
    return re.compile(rf"^[ \u00a0]*(?i:{openers})[ \u00a0]*:?[ \u00a0]+(?P<rest>.{{4,600}})$")


def parse_author_note(line: str, byline: Sequence[str] = ()) -> tuple[BioReading, ...]:
    """A closing note about the author: "The author is X, a senior fellow at Org.", "The authors
    are X and Y.", "About the author: X is …". A note without a name ("The author is a senior
    fellow at Org.") completes the page's only byline name, if it has exactly one."""
    if not line or len(line) > 700:
        return ()
    m = _note_re().match(line.strip())
    if m is None:
        return ()
    rest = m["rest"].strip()
    if (bio := parse_bio(rest)) is not None:  # "About the author: X is a fellow at Org."
        return (bio,)
    head, sep, tail = rest.partition(",")
    names = _leading_names(head.strip(" .") if sep else rest.strip(" ."), 0)
    if names and sep:  # "The author is X, a senior fellow at Org."
        bio = parse_bio(f"{names[0].name} is {tail.strip()}")
        return (bio,) if bio is not None else (BioReading(names[0].name, None, None, None),)
    if names:  # "The authors are X and Y."
        return tuple(BioReading(n.name, None, None, None) for n in names)
    if len(byline) == 1:  # "The author is a senior fellow at Org."
        bio = parse_bio(f"{byline[0]} is {rest}")
        return (bio,) if bio is not None else ()
    return ()


def author_notes(
    text: str, layout: Sequence[LayoutLine], byline: Sequence[str] = ()
) -> tuple[tuple[BioReading, Evidence], ...]:
    """Every "The author is …" note on the page, with the evidence of its line."""
    out: list[tuple[BioReading, Evidence]] = []
    for ln in layout:
        line = text[ln.start : ln.end]
        if line[:40].lstrip().casefold().startswith(("the author", "the writer", "about the author")):
            out.extend(
                (bio, Evidence(ln.start, ln.end, "author note")) for bio in parse_author_note(line, byline)
            )
    return tuple(out)

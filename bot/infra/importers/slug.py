"""Names and ids for imported entries: aliases, slugs, Hangul romanization, de-duplication."""

from __future__ import annotations

import re
import unicodedata

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
# Romanization of initials, vowels and finals in Unicode order ("" is the silent ㅇ / no final).
# fmt: off
_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
)
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
)
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)
# fmt: on
# A simple final followed by a silent ㅇ moves to the next syllable (연음): 음악 → eumak.
_LIAISON = {1: "g", 4: "n", 7: "d", 8: "r", 16: "m", 17: "b", 19: "s", 22: "j", 23: "ch"}
_SILENT_INITIAL = 11
_RIEUL_FINAL = 8
_RIEUL_INITIAL = 5

_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
ID_MAX_LENGTH = 80


def _split(syllable: str) -> tuple[int, int, int]:
    index = ord(syllable) - _HANGUL_FIRST
    return index // (21 * 28), (index % (21 * 28)) // 28, index % 28


def _is_syllable(char: str) -> bool:
    return _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST


def romanize(text: str) -> str:
    """Romanize Hangul syllables (Revised Romanization, without most sound changes).

    Only two sound changes are applied because they matter most for readable ids: liaison of a
    final before a silent ㅇ, and ㄹ+ㄹ written ``ll``. Other characters pass through unchanged.
    """
    out: list[str] = []
    chars = list(text)
    for pos, char in enumerate(chars):
        if not _is_syllable(char):
            out.append(char)
            continue
        initial, vowel, final = _split(char)
        nxt = chars[pos + 1] if pos + 1 < len(chars) else ""
        next_initial = _split(nxt)[0] if nxt and _is_syllable(nxt) else -1
        prev = chars[pos - 1] if pos > 0 else ""
        prev_final = _split(prev)[2] if prev and _is_syllable(prev) else 0
        if initial == _SILENT_INITIAL and prev_final in _LIAISON:
            head = _LIAISON[prev_final]
        elif initial == _RIEUL_INITIAL and prev_final == _RIEUL_FINAL:
            head = "l"
        else:
            head = _INITIALS[initial]
        tail = _FINALS[final]
        if next_initial == _SILENT_INITIAL and final in _LIAISON:
            tail = ""
        out.append(head + _VOWELS[vowel] + tail)
    return "".join(out)


def slugify(text: str) -> str:
    """A lowercase id (``^[a-z0-9][a-z0-9-]*$``) for any name; empty when nothing is left."""
    plain = romanize(unicodedata.normalize("NFKC", text)).lower()
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", plain).strip("-")
    if len(slug) > ID_MAX_LENGTH:
        slug = slug[:ID_MAX_LENGTH].rsplit("-", 1)[0] or slug[:ID_MAX_LENGTH]
    return slug


def is_latin(text: str) -> bool:
    """Whether a name is written in Latin letters (and has no Hangul)."""
    return bool(_LATIN.search(text)) and not _HANGUL.search(text)


def term_slug(term: str, aliases: tuple[str, ...] | list[str] = ()) -> str:
    """The preferred id base for a term: its Latin name if it has one, else its romanization."""
    for name in (term, *aliases):
        if is_latin(name) and slugify(name):
            return slugify(name)
    return slugify(term) or "term"


class IdAllocator:
    """Hands out unique ids, adding ``-2``, ``-3``… to a base that is already taken."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self._taken: set[str] = set(taken or ())

    def take(self, base: str) -> str:
        base = base or "entry"
        candidate, n = base, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{base}-{n}"
        self._taken.add(candidate)
        return candidate

    def __contains__(self, item: object) -> bool:
        return item in self._taken


# Parenthesized words that qualify a title rather than name the term again.
QUALIFIERS = frozenset({"원문", "영문", "의미 명확화", "disambiguation", "명령어", "약어"})
_TRAILING_PARENS = re.compile(r"^(?P<rest>.*?)\s*[(（](?P<inner>[^()（）]*)[)）]\s*$")
_INNER_PARENS = re.compile(r"\s*[(（][^()（）]*[)）]")
_ALIAS_SPLIT = re.compile(r"\s*[|,，]\s*")
# An "I" typed as a lowercase "l" in an acronym such as IaC or IaaS ("laC", "laaS"): only a
# whole alias of this exact shape is fixed, so real words that start with "la" are left alone.
_LOWER_L_ACRONYM = re.compile(r"^l(a{1,2}[A-Z])$")


def fix_acronym_typo(alias: str) -> str:
    """``laC`` → ``IaC``: undo a common typo in acronyms that start with a capital I."""
    return _LOWER_L_ACRONYM.sub(r"I\1", alias)


def _partial_translation(name: str, alias: str) -> bool:
    """``API를 이용한 축출(Eviction)``: one plain word glossing only the last word of a name.

    Acronyms (``CSI``) and identifiers (``LimitRange``, ``IaC``) still name the whole thing.
    """
    if len(name.split()) < 2 or len(alias.split()) != 1 or not is_latin(alias):
        return False
    return not any(ch.isupper() for ch in alias[1:])


def split_name(title: str) -> tuple[str, list[str]]:
    """Split ``Name (Alias, Other|Third)`` into the name and its aliases.

    Trailing qualifiers such as ``(disambiguation)`` are dropped, and so is a single plain
    word that only translates the name's last word. A parenthesis inside the title
    (``가비지(Garbage) 수집``) is removed from the name without becoming an alias.
    """
    name = " ".join(title.split())
    found: list[list[str]] = []
    while match := _TRAILING_PARENS.match(name):
        rest = match["rest"].strip()
        if not rest:
            break
        parts = [p.strip() for p in _ALIAS_SPLIT.split(match["inner"]) if p.strip()]
        found.insert(0, [fix_acronym_typo(p) for p in parts if p.casefold() not in QUALIFIERS])
        name = rest
    name = _INNER_PARENS.sub("", name).strip() or name
    aliases: list[str] = []
    seen = {normalize_name(name)}
    for alias in (a for group in found for a in group):
        if normalize_name(alias) not in seen and not _partial_translation(name, alias):
            seen.add(normalize_name(alias))
            aliases.append(alias)
    return name, aliases


def normalize_name(name: str) -> str:
    """The key two names share when they mean one entry: NFKC, casefolded, letters/digits only.

    Dropping every space, hyphen and punctuation mark matches how the content loader decides
    that two names clash, so whatever the importers merge on is exactly what it rejects.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    return "".join(ch for ch in folded if ch.isalnum())

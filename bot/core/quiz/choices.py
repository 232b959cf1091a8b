"""Short quiz choices from long explanations, and the checks that keep them from leaking."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.core.models import Term

MAX_CHOICE = 80
_MIN_CLAUSE = 12  # a clause shorter than this says too little to be a choice on its own
_BULLET = re.compile(r"^\s*(?:[-*•·]|\d+[.)])\s*")
_USAGE = re.compile(r"(?:형식|사용법|usage|syntax)\s*:", re.IGNORECASE)
_LABEL = re.compile(r"^[^:：]{1,30}\s[:：]\s+")  # "도커 : 애플리케이션을 …" in a note's table
_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_MARKUP = re.compile(r"\*+|__|`")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TOOLS = ("docker", "kubectl", "helm", "git", "minikube", "kind", "podman")
_WORD = r"(?<![A-Za-z0-9_]){}(?![A-Za-z0-9_])"


def _plain_lines(text: str) -> Iterator[str]:
    """The prose lines of an explanation: no bullet lists, no usage (형식:) lines, no markup."""
    for raw in text.splitlines():
        if not raw.strip() or _BULLET.match(raw):
            continue
        line = _LINK.sub(r"\1", _USAGE.split(raw, maxsplit=1)[0])
        line = re.sub(r"\s+([.,])", r"\1", _MARKUP.sub("", line)).strip()
        if line:
            yield _LABEL.sub("", line)


def _clip(sentence: str) -> str | None:
    """The sentence within MAX_CHOICE: cut after a clause, else after a word with "…"."""
    sentence = sentence.strip()
    if len(sentence) <= MAX_CHOICE:
        return sentence
    cut = max(
        (m.start() for m in re.finditer(r"[,，]\s|\s\(", sentence) if m.start() <= MAX_CHOICE),
        default=-1,
    )
    if cut >= MAX_CHOICE // 2:
        return sentence[:cut].rstrip(" ,")
    space = sentence.rfind(" ", 0, MAX_CHOICE)
    if space >= MAX_CHOICE // 2:
        return sentence[:space].rstrip(" ,") + "…"
    return None


def candidate_choices(text: str) -> list[str]:
    """Every sentence of ``text`` that can stand as a short choice, in order."""
    found: list[str] = []
    for line in _plain_lines(text):
        for sentence in _SENTENCE_END.split(line):
            clipped = _clip(sentence)
            if clipped and clipped not in found:
                found.append(clipped)
    return found


def short_choice(text: str, banned: Iterable[str] = ()) -> str | None:
    """The first sentence (or clause) of ``text`` that fits a choice and names none of ``banned``.

    ``banned`` are the words that would give the answer away: a command's parts or a term's
    names. None when every sentence leaks or none is short enough.
    """
    words = list(banned)
    for candidate in candidate_choices(text):
        cleaned = _without(candidate, words)
        if not mentions(cleaned, words) and len(cleaned) >= _MIN_CLAUSE // 2:
            return cleaned
    return None


def _without(sentence: str, words: Iterable[str]) -> str:
    """``sentence`` with the examples that name ``words`` taken out, where grammar allows.

    컨테이너(mycentos)를 → 컨테이너를, "ubuntu 이미지로" → "이미지로", "새 컨테이너 new_ubuntu를" →
    "새 컨테이너를". A word used any other way stays, and the sentence then is not used.
    """
    for word in words:
        if word.isdigit() or not mentions(sentence, [word]):
            continue
        named = _WORD.format(re.escape(word))
        # "노드는 …이다", "쿠버네티스에서 어피니티는 …", "A Pod is …": drop the subject.
        sentence = re.sub(
            rf"^(?:\S+\s)?{named}(?:\s?\([^()]*\))?\s?(?:은|는|이란|란|이|가)\s+|"
            rf"^(?:(?:an?|the)\s+)?{named}s?(?:\s?\([^()]*\))?\s+(?:is|are)\s+",
            "",
            sentence,
            flags=re.IGNORECASE,
        )
        sentence = re.sub(rf"\s?\([^()]*{named}[^()]*\)", "", sentence, flags=re.IGNORECASE)
        sentence = re.sub(rf"^{named}\s+", "", sentence, flags=re.IGNORECASE)
        sentence = re.sub(rf"\s{named}(?=[가-힣])", "", sentence, flags=re.IGNORECASE)
    sentence = sentence.strip()
    return sentence[:1].upper() + sentence[1:]


def mentions(text: str, words: Iterable[str]) -> bool:
    """Whether ``text`` contains any of ``words`` as a word (``myubuntu`` is not ``ubuntu``)."""
    return any(re.search(_WORD.format(re.escape(w)), text, flags=re.IGNORECASE) for w in words if w)


def command_words(command: str) -> list[str]:
    """The parts of a command line a choice must not repeat: tool, subcommand and arguments.

    Flags of one letter (``-i``) say too little to count; ``centos:7`` also yields ``centos``.
    """
    words: list[str] = []
    for token in re.split(r"[\s$()&|;]+", command):
        token = token.strip("\"'")
        bare = token.lstrip("-")
        if len(bare) < 2:
            continue
        words.append(token if token.startswith("-") else bare)
        words.extend(p for p in re.split(r"[:=/]", bare) if len(p) >= 2 and p != bare)
    return list(dict.fromkeys(words))


def subcommand(command: str) -> str:
    """``docker ps -a`` → ``docker ps``: two cards with the same one explain the same thing."""
    parts = command.split()
    if len(parts) >= 2 and parts[0].lower() in _TOOLS:
        return f"{parts[0]} {parts[1]}".lower()
    return parts[0].lower() if parts else ""


def term_kind(term: Term) -> str:
    """Whether a term is a command (import, with the alias docker import) or a concept.

    Decoys come from terms of the same kind.
    """
    name = term.term.strip().lower()
    for alias in term.aliases:
        parts = alias.lower().split()
        if len(parts) == 2 and parts[0] in _TOOLS and parts[1] == name:
            return "command"
    return "concept"

"""Practice cards from shell code blocks in notes: commands and the comments explaining them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from bot.core.models import CommandCard, Term
from bot.infra.importers.result import warning
from bot.infra.importers.slug import IdAllocator, is_latin, slugify

SHELL_LANGUAGES = frozenset({"bash", "sh", "shell", "console", "zsh", "shell-session", "terminal"})
# Lines that start with one of these are commands even without a prompt in front.
# fmt: off
COMMAND_WORDS = frozenset(
    {
        "docker", "docker-compose", "kubectl", "helm", "minikube", "kind", "kubeadm", "eksctl",
        "k3d", "podman", "crictl", "nerdctl", "aws", "terraform", "git", "curl", "apt", "apt-get",
    }
)
# fmt: on
_PROMPT = re.compile(r"^(?:[\w.-]+@[\w.-]+:\S*?[#$]|\$)\s+(?P<cmd>\S.*)$")
_FLAG_LINE = re.compile(r"^(?P<key>[^\s:：#][^:：]{0,40}?)\s*[:：]\s+(?P<meaning>\S.*)$")
_TRAILING_COMMENT = re.compile(r"\s#\s*(?P<comment>.*)$")
# "docker rename a b < 이런식으로 …": a note written after a "<" arrow, not a redirect.
_ARROW_NOTE = re.compile(r"\s+<-?\s+(?P<comment>.*[\uac00-\ud7a3].*)$")
_SHORT_FLAG = re.compile(r"^-([A-Za-z])$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_CARD_ID_LENGTH = 40


@dataclass(slots=True)
class _Pending:
    command: str
    line: int
    direct: list[str]
    trailing: str
    group: str
    flags: list[str] = field(default_factory=list)


def _split_comment(command: str) -> tuple[str, str]:
    for pattern in (_TRAILING_COMMENT, _ARROW_NOTE):
        match = pattern.search(command)
        if match and command[: match.start()].count("'") % 2 == 0:
            return command[: match.start()].strip(), match["comment"].strip()
    return command.strip(), ""


def _command_of(line: str) -> str | None:
    prompt = _PROMPT.match(line)
    if prompt:
        return prompt["cmd"]
    words = line.split()
    if words and words[0] == "sudo":
        words = words[1:]
    return line if words and words[0] in COMMAND_WORDS else None


def _key_matches(key: str, command: str) -> bool:
    tokens = {t.lstrip("-") if t.startswith("-") else t for t in command.split()}
    parts = [p.lstrip("-") if p.startswith("-") else p for p in key.split()]
    return bool(parts) and all(p in tokens for p in parts)


def _scan(lines: Sequence[str], first_line: int) -> list[_Pending]:
    found: list[_Pending] = []
    direct: list[str] = []
    group = ""
    group_commands: list[_Pending] = []
    previous_was_comment = False
    for offset, raw in enumerate(lines):
        line = raw.strip()
        is_comment = line.startswith("#")
        if is_comment:
            text = line.lstrip("#").strip()
            if not previous_was_comment:
                group, group_commands, direct = text, [], []
            direct.append(text)
        elif (command := _command_of(line)) is not None:
            text, trailing = _split_comment(command)
            card = _Pending(text, first_line + offset, direct, trailing, group)
            found.append(card)
            group_commands.append(card)
            direct = []
        elif (flag := _FLAG_LINE.match(line)) is not None:
            for card in group_commands:
                if _key_matches(flag["key"], card.command):
                    card.flags.append(f"{flag['key'].strip()}: {flag['meaning'].strip()}")
            direct = []
        else:
            direct = []
        previous_was_comment = is_comment
    return found


def _explanation(card: _Pending) -> str:
    lines = [*card.direct]
    if card.trailing:
        lines.append(card.trailing)
    if not lines and card.group:
        lines.append(card.group)
    return "\n".join([*lines, *card.flags]).strip()


def card_id_base(command: str) -> str:
    """``docker run -i -t ubuntu`` → ``docker-run-it-ubuntu``: the command's first words."""
    parts: list[str] = []
    short_flags = ""
    for token in command.split():
        if flag := _SHORT_FLAG.match(token):
            short_flags += flag[1].lower()
            continue
        if short_flags:
            parts.append(short_flags)
            short_flags = ""
        if not _HANGUL.search(token) and (slug := slugify(token)):
            parts.append(slug)
    if short_flags:
        parts.append(short_flags)
    base = ""
    for part in parts:
        candidate = f"{base}-{part}" if base else part
        if base and len(candidate) > _CARD_ID_LENGTH:
            break
        base = candidate
    return base[:_CARD_ID_LENGTH].strip("-") or "command"


def _name_pattern(name: str) -> re.Pattern[str]:
    if is_latin(name):
        return re.compile(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])", re.IGNORECASE)
    return re.compile(re.escape(name), re.IGNORECASE)


def mentioned_terms(text: str, terms: Sequence[Term]) -> tuple[str, ...]:
    """Ids of the terms whose name or alias (2+ characters) appears in a text."""
    found: list[str] = []
    for term in terms:
        names = [n for n in term.names if len(n.strip()) >= 2]
        if term.id not in found and any(_name_pattern(n).search(text) for n in names):
            found.append(term.id)
    return tuple(found)


def command_cards(
    tokens: Sequence[Token],
    source: str,
    terms: Sequence[Term] = (),
    ids: IdAllocator | None = None,
) -> tuple[list[CommandCard], list[str]]:
    """Cards from every shell code block; commands without any explanation are reported."""
    ids = ids or IdAllocator()
    cards: list[CommandCard] = []
    warnings: list[str] = []
    seen: set[str] = set()
    for tok in tokens:
        language = tok.info.split()[0].lower() if tok.info.strip() else ""
        if tok.type != "fence" or language not in SHELL_LANGUAGES:
            continue
        first_line = (tok.map[0] + 2) if tok.map else 1
        for found in _scan(tok.content.splitlines(), first_line):
            key = " ".join(found.command.split())
            if key in seen:
                continue
            seen.add(key)
            explanation = _explanation(found)
            if not explanation:
                warnings.append(warning(source, f"no explanation for `{key}`; skipped", found.line))
                continue
            related = mentioned_terms(f"{key}\n{explanation}", terms)
            card_id = ids.take(card_id_base(key))
            cards.append(
                CommandCard(id=card_id, command=key, explanation=explanation, terms=related)
            )
    return cards, warnings

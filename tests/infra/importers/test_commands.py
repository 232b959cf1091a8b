"""Practice cards from shell blocks: comments, prompts, output lines and flag explanations."""

from __future__ import annotations

from bot.core.models import CommandCard, Term
from bot.infra.importers.commands import card_id_base, command_cards
from bot.infra.importers.markdown import parse
from bot.infra.importers.til import parse_til


def _cards(block: str, terms: list[Term] | None = None) -> list[CommandCard]:
    cards, _ = command_cards(parse(f"```bash\n{block}\n```\n"), "n", terms or [])
    return cards


def _by_id(cards: list[CommandCard]) -> dict[str, CommandCard]:
    return {c.id: c for c in cards}


def test_seed_docker_run_gets_comments_and_its_flag_explanations(seed_text: str) -> None:
    cards = _by_id(parse_til(seed_text, "seed").commands)
    run = cards["docker-run-it-ubuntu"]
    assert run.command == "docker run -i -t ubuntu"
    assert run.explanation.split("\n") == [
        "컨테이너 생성 & 실행 한큐에",
        "만약에 이미지가 없으면 자동으로 run",
        "run: 컨테이너 실행",
        "-i: 컨테이너와 상호 입출력 가능 옵션",
        "-t: 셀 사용할 수 있는 tty(물리적 터미널) 활성화",
    ]


def test_seed_flag_lines_attach_only_to_commands_using_the_flag(seed_text: str) -> None:
    cards = _by_id(parse_til(seed_text, "seed").commands)
    assert (
        "-name: 컨테이너 이름 지정" in cards["docker-create-it-name-mycentos-centos-7"].explanation
    )
    assert "rm: 컨테이너 삭제로" in cards["docker-rm"].explanation
    assert "rm -f" not in cards["docker-rm"].explanation
    assert "stop:" not in cards["docker-rm"].explanation
    assert "image :" not in cards["docker-ps-aq"].explanation
    assert cards["docker-ps-aq"].explanation == "-q를 붙이면 컨테이너 id만 출력"


def test_seed_prompts_are_stripped_and_output_ignored(seed_text: str) -> None:
    commands = [c.command for c in parse_til(seed_text, "seed").commands]
    assert "apt-get install net-tools" in commands
    assert commands.count("ifconfig") == 1
    assert not any(
        c.startswith(("root@", "CONTAINER", "eth0", "bash:", "myubuntu")) for c in commands
    )
    assert "docker rename myubuntu myubuntu2" in commands


def test_seed_cards_link_the_notes_terms(seed_text: str) -> None:
    cards = _by_id(parse_til(seed_text, "seed").commands)
    assert "dokeo" in cards["docker-run-it-ubuntu"].terms  # "컨테이너" is an alias of 도커


def test_trailing_comment_and_comment_above_both_explain() -> None:
    (card,) = _cards("# list containers\ndocker ps -a # all of them")
    assert card.explanation == "list containers\nall of them"


def test_a_command_without_any_explanation_is_reported_not_carded() -> None:
    cards, warnings = command_cards(parse("```sh\nkubectl get pods\n```\n"), "n.md")
    assert cards == []
    assert warnings == ["n.md:2: no explanation for `kubectl get pods`; skipped"]


def test_prompted_commands_use_the_groups_comment_when_they_have_none() -> None:
    cards = _cards("# 네트워크 확인\ndocker attach box\nroot@1a2b:/# apt-get update\n$ ls -l")
    assert [(c.command, c.explanation) for c in cards] == [
        ("docker attach box", "네트워크 확인"),
        ("apt-get update", "네트워크 확인"),
        ("ls -l", "네트워크 확인"),
    ]


def test_only_shell_blocks_are_read() -> None:
    text = "```yaml\ndocker: run\n```\n\n```\n# x\ndocker ps\n```\n"
    assert command_cards(parse(text), "n")[0] == []


def test_known_terms_are_linked_by_whole_word() -> None:
    volume = Term(id="volume", term="볼륨", aliases=("volume",), definition="d")
    image = Term(id="image", term="Image", definition="d")
    (card,) = _cards("# 볼륨 만들기\ndocker volume create data", [volume, image])
    assert card.terms == ("volume",)


def test_card_ids_join_short_flags_and_drop_placeholders() -> None:
    assert card_id_base("docker run -i -t ubuntu") == "docker-run-it-ubuntu"
    assert card_id_base("docker rm 컨테이너 이름") == "docker-rm"
    assert len(card_id_base("docker run " + "-e X=1 " * 20 + "img")) <= 40

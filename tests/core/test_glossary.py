"""The glossary service: cards, misses, ambiguity, buttons, autocomplete and help as Replies."""

from __future__ import annotations

import pytest

from bot.core.errors import UnknownTermError
from bot.core.glossary import GlossaryService, show_button_id
from bot.core.interaction.ids import ActionId
from bot.core.models import Content, Term
from bot.core.replies import Tone


@pytest.fixture
def service(small_content) -> GlossaryService:
    return GlossaryService(small_content)


def _field(reply, name):
    return next(f.value for f in reply.fields if f.name == name)


def test_card_has_definition_notes_aliases_related_practice_and_how_it_matched(service):
    card = service.define("도커가 뭐예요?")
    assert card.title == "도커"
    assert card.body.startswith("애플리케이션을")
    assert _field(card, "비고") == "• 가상머신보다 가볍다"
    assert _field(card, "다른 이름") == "docker, 컨테이너"
    assert _field(card, "관련 용어") == "Cgroup"
    assert "docker run -i -t ubuntu" in _field(card, "실습 명령어")
    assert [b.custom_id for b in card.buttons] == ["define:show:cgroup"]
    assert "조사 제거" in card.footer
    assert not card.ephemeral


def test_english_card_uses_english_labels(service):
    card = service.define("cgroup", "en-US")
    assert [f.name for f in card.fields] == ["Also known as", "Related terms"]
    assert "exact" in card.footer


def test_a_cached_card_still_says_how_each_query_matched(service):
    exact = service.define("파드")
    fuzzy = service.define("포드")
    assert exact.body == fuzzy.body
    assert "정확히 일치" in exact.footer
    assert "비슷한 철자" in fuzzy.footer
    assert service.show("pod").footer == ""  # a button click is no match at all


def test_miss_is_private_with_suggestion_buttons(service):
    miss = service.define("쿠버")  # a prefix is not the term, but it points at it
    assert miss.ephemeral
    assert miss.tone is Tone.WARNING
    assert "쿠버" in miss.body
    assert [ActionId.parse(b.custom_id) for b in miss.buttons] == [
        ActionId("define", "show", "kubernetes")
    ]


def test_nothing_close_says_so_without_buttons(service):
    miss = service.define("도커스웜")
    assert miss.buttons == ()
    assert "/help" in miss.body


def test_mass_mention_in_a_query_is_inert(service):
    miss = service.define("@everyone")
    assert "@everyone" not in miss.body


def test_two_entries_with_the_same_name_are_both_offered():
    shared = Content(
        terms=(
            Term(id="image-docker", term="이미지", aliases=("image",), definition="도커 이미지"),
            Term(id="image-k8s", term="Image", definition="쿠버네티스의 컨테이너 이미지"),
        )
    )
    reply = GlossaryService(shared).define("image")
    assert reply.ephemeral
    assert {b.custom_id for b in reply.buttons} == {
        show_button_id("image-docker"),
        show_button_id("image-k8s"),
    }


def test_show_button_of_a_removed_term_is_an_error(service):
    with pytest.raises(UnknownTermError):
        service.show("gone")


def test_show_button_ids_parse_back_and_other_ids_do_not():
    assert ActionId.parse(show_button_id("pod")) == ActionId("define", "show", "pod")
    assert ActionId.parse("quiz:answer:1:2") != ActionId("define", "show", "1:2")
    assert ActionId.parse("define:show:") is None


def test_autocomplete_values_are_ids_and_names_show_the_english_alias(service):
    choices = service.complete("ㅋㅂ")
    assert choices[0].value == "kubernetes"
    assert choices[0].name == "쿠버네티스 (kubernetes)"


def test_help_counts_terms_and_commands(service):
    reply = service.help()
    assert "4개의 용어" in reply.body
    assert "1개의 실습 명령어" in reply.body


def test_a_space_layer_is_searched_only_in_that_space(service):
    service.set_layer("discord:1", [Term(id="helm", term="헬름", definition="패키지 매니저")])
    assert service.define("헬름", space="discord:1").title == "헬름"
    assert service.define("헬름", space="discord:2").title != "헬름"
    service.set_layer("discord:1", [])
    assert service.define("헬름", space="discord:1").title != "헬름"


def test_linked_spaces_share_the_terms_either_one_accepts(small_content):
    service = GlossaryService(small_content, linked=[("discord:1", "slack:T1")])
    mesh = Term(id="service-mesh", term="서비스 메시", definition="서비스 사이 통신을 맡는 층")
    service.set_layer("slack:T1", [mesh])
    assert service.lookup("서비스 메시", space="discord:1").best.term.id == "service-mesh"
    assert service.lookup("서비스 메시", space="slack:T1").best.term.id == "service-mesh"
    assert service.lookup("서비스 메시", space="discord:2").best is None
    assert service.layer("discord:1") == ()
    service.set_layer("slack:T1", [])
    assert service.lookup("서비스 메시", space="discord:1").best is None

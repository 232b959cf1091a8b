import datetime as dt

import pytest

from bot.core.errors import (
    PermissionDeniedError,
    TermExistsError,
    UnknownSuggestionError,
    UnknownTermError,
)
from bot.core.glossary import GlossaryService
from bot.core.i18n import t
from bot.core.interaction.ids import ActionId
from bot.core.journal import JournalService, RetroForm, SuggestionDraft, TermLinker, TermRow
from bot.core.models import Content, UserRef
from bot.core.quiz import QuizService
from bot.core.replies import Tone
from tests.core.fakes import (
    CONTENT,
    SPACE,
    TERMS,
    InMemoryQuizRepository,
    at,
    make_journal,
    term,
)

MINJI = UserRef("discord", "111", "민지")
JUNHO = UserRef("discord", "222", "준호")
KEY = "discord:guild-1"
NOW = at("Asia/Seoul", 2024, 3, 4, 21)
COMPOSE = term("docker-compose", "Docker Compose", "여러 컨테이너를 정의하고 실행하는 도구")


def linker(*extra):
    return TermLinker((*TERMS, *extra))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("오늘은 도커랑 파드를 공부했다", ("docker", "pod")),
        ("컨테이너를 띄우고 이미지와 볼륨을 봤다", ("container", "image", "volume")),
        ("Docker가 좋다. pods and services", ("docker", "pod", "service")),
        ("네임스페이스에서 디플로이먼트로 배포", ("namespace", "deployment")),
        ("도컬 ㄷㅋ 파도 포도", ()),  # typos, 초성 and look-alikes: no fuzzy links
        ("참고 https://docs.docker.com/pods <@123>", ()),
        ("Docker Compose로 도커를 묶었다", ("docker-compose", "docker")),
    ],
)
def test_terms_are_linked_by_exact_names_aliases_and_particles_only(text, expected):
    assert linker(COMPOSE).scan([text]) == expected


def test_a_term_cell_with_a_parenthesised_alias_links_either_name():
    found = linker()
    assert found.match_name("파드(POD)") == "pod"
    assert found.match_name("레플리카셋(ReplicaSet)") is None


async def test_a_retro_shows_its_linked_terms_and_suggests_unknown_term_rows():
    js = make_journal(NOW)
    form = RetroForm(
        reflection="오늘은 도커랑 파드를 공부했다",
        terms="파드(POD) | 가장 작은 단위\n레플리카셋 | 파드 복제본을 유지 | 롤링 업데이트",
    )
    saved = await js.journal.save_retro(SPACE, MINJI, form)
    assert saved.entry.linked == ("docker", "pod")
    assert saved.suggested == ("레플리카셋",)
    linked = {f.name: f.value for f in saved.reply.fields}[t("journal.linked", "ko")]
    assert linked == "도커, 파드"
    pending = await js.journal.suggestions(SPACE, can_manage=True)
    assert [(s.row, s.user_id, s.display_name) for s in pending] == [
        (TermRow("레플리카셋", "파드 복제본을 유지", "롤링 업데이트"), "111", "민지")
    ]


async def test_suggestions_need_the_manage_permission():
    js = make_journal(NOW)
    await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="r", terms="레플리카셋 | 복제"))
    with pytest.raises(PermissionDeniedError):
        await js.journal.glossary_suggestions(SPACE, can_manage=False)
    with pytest.raises(PermissionDeniedError):
        await js.journal.accept_suggestion(SPACE, 1, can_manage=False)
    reply = await js.journal.glossary_suggestions(SPACE, can_manage=True)
    assert [f.name for f in reply.fields] == ["#1 레플리카셋"]
    assert ActionId.parse(reply.buttons[0].custom_id) == ActionId("journal", "accept", "1")
    assert reply.ephemeral


async def accepted_stack():
    js = make_journal(NOW)
    form = RetroForm(
        reflection="r", terms="레플리카셋(ReplicaSet) | 파드 복제본을 유지하는 오브젝트"
    )
    await js.journal.save_retro(SPACE, MINJI, form)
    await js.journal.save_retro(SPACE, JUNHO, form)
    reply = await js.journal.accept_suggestion(SPACE, "1", can_manage=True, actor=JUNHO)
    return js, reply


async def test_an_accepted_suggestion_is_seen_by_lookup_autocomplete_and_define_at_once():
    js, reply = await accepted_stack()
    assert reply.tone is Tone.SUCCESS
    assert "레플리카셋" in reply.title
    layer = js.glossary.layer(KEY)
    assert [(x.id, x.term, x.aliases) for x in layer] == [
        (layer[0].id, "레플리카셋", ("ReplicaSet",))
    ]
    assert js.glossary.lookup("레플리카셋이란", space=KEY).best.term.term == "레플리카셋"
    assert js.glossary.define("replicaset", space=KEY).body == "파드 복제본을 유지하는 오브젝트"
    assert [c.name for c in js.glossary.complete("레플", space=KEY)] == ["레플리카셋 (ReplicaSet)"]
    assert js.glossary.show(layer[0].id, space=KEY).title == "레플리카셋"
    # Other spaces and the default calls see the content only, as before.
    assert not js.glossary.lookup("레플리카셋").found
    assert js.glossary.complete("레플") == []
    with pytest.raises(UnknownTermError):
        js.glossary.show(layer[0].id)
    # Both members' suggestions of that name are settled.
    assert await js.journal.suggestions(SPACE, can_manage=True) == []


async def test_an_accepted_term_is_linked_in_later_retros():
    js, _ = await accepted_stack()
    saved = await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="레플리카셋을 배웠다"))
    assert saved.entry.linked == (js.glossary.layer(KEY)[0].id,)
    assert saved.suggested == ()


async def test_the_quiz_asks_about_layer_terms_through_the_terms_provider():
    js, _ = await accepted_stack()
    quiz = QuizService(
        CONTENT, InMemoryQuizRepository(), js.stack.spaces, js.stack.clock, terms=js.glossary.terms
    )
    assert quiz.factory_for(KEY).term_count == len(TERMS) + 1
    assert quiz.factory_for("discord:other").term_count == len(TERMS)
    assert quiz.factory_for(KEY) is quiz.factory_for(KEY)  # rebuilt only when terms change


async def test_a_name_that_clashes_with_the_content_or_the_layer_is_refused():
    js, _ = await accepted_stack()
    for name in ("ReplicaSet", "Docker"):  # an alias in the layer, a name in the content
        draft = SuggestionDraft(
            KEY, name.casefold(), TermRow(name, "정의"), "333", "지수", dt.date(2024, 3, 4), NOW
        )
        await js.repo.add_suggestions([draft])
        suggestion_id = max(js.repo.suggestion_rows)
        with pytest.raises(TermExistsError):
            await js.journal.accept_suggestion(SPACE, suggestion_id, can_manage=True)
    assert len(js.glossary.layer(KEY)) == 1


async def test_an_unknown_or_settled_suggestion_cannot_be_accepted():
    js, _ = await accepted_stack()
    for bad in (1, 99, "x"):
        with pytest.raises(UnknownSuggestionError):
            await js.journal.accept_suggestion(SPACE, bad, can_manage=True)


async def test_layers_are_loaded_into_a_fresh_glossary_at_start():
    js, _ = await accepted_stack()
    fresh = GlossaryService(CONTENT)
    journal = JournalService(
        repo=js.repo, spaces=js.stack.spaces, clock=js.stack.clock, glossary=fresh, content=CONTENT
    )
    assert await journal.load_glossary_layers() == 1
    assert fresh.lookup("레플리카셋", space=KEY).found


def test_layer_ids_are_slugified_unique_and_use_the_given_slugify():
    from bot.core.journal.layer import ascii_slug, split_name

    assert ascii_slug("Replica Set") == "replica-set"
    assert ascii_slug("레플리카셋").startswith("term-")
    assert split_name("레플리카셋 (ReplicaSet, RS)") == ("레플리카셋", ("ReplicaSet", "RS"))


async def test_a_custom_slugify_names_layer_terms_and_taken_ids_get_a_number():
    js = make_journal(NOW)
    journal = JournalService(
        repo=js.repo, spaces=js.stack.spaces, clock=js.stack.clock, glossary=js.glossary,
        content=CONTENT, slugify=lambda name: "docker",
    )  # fmt: skip
    await journal.save_retro(SPACE, MINJI, RetroForm(reflection="r", terms="레플리카셋 | 복제"))
    await journal.accept_suggestion(SPACE, 1, can_manage=True)
    assert [x.id for x in js.glossary.layer(KEY)] == ["docker-2"]  # "docker" is content's


def test_set_layer_with_no_terms_drops_the_space_index():
    glossary = GlossaryService(Content(terms=TERMS))
    glossary.set_layer(KEY, [COMPOSE])
    assert glossary.index_for(KEY) is not glossary.index
    glossary.set_layer(KEY, [])
    assert glossary.index_for(KEY) is glossary.index


# --- private retros (issue 8, item 13) ---------------------------------------------------------

PRIVATE_ROW = "레플리카셋 | 비밀스러운 정의 | 내 메모"


async def test_a_private_retros_term_rows_are_never_suggested():
    js = make_journal(NOW)
    form = RetroForm(reflection="비공개 회고", terms=PRIVATE_ROW)
    saved = await js.journal.save_retro(SPACE, MINJI, form, public=False)
    assert saved.suggested == ()
    assert saved.entry.body.terms == (TermRow("레플리카셋", "비밀스러운 정의", "내 메모"),)
    assert await js.journal.suggestions(SPACE, can_manage=True) == []
    reply = await js.journal.glossary_suggestions(SPACE, can_manage=True)
    shown = " ".join([reply.body, *(f.name + f.value for f in reply.fields)])
    assert "비밀스러운" not in shown
    assert "민지" not in shown


async def test_a_retro_made_private_withdraws_its_suggestions_and_they_cannot_be_accepted():
    js = make_journal(NOW)
    await js.journal.save_retro(SPACE, MINJI, RetroForm(reflection="r", terms=PRIVATE_ROW))
    assert len(await js.journal.suggestions(SPACE, can_manage=True)) == 1
    await js.journal.save_retro(
        SPACE, MINJI, RetroForm(reflection="r", terms=PRIVATE_ROW), public=False
    )
    assert await js.journal.suggestions(SPACE, can_manage=True) == []
    with pytest.raises(UnknownSuggestionError):
        await js.journal.accept_suggestion(SPACE, 1, can_manage=True)
    assert js.glossary.layer(KEY) == ()


async def test_an_accepted_terms_card_drops_its_author_once_the_retro_turns_private():
    js = make_journal(NOW)
    form = RetroForm(reflection="r", terms="레플리카셋 | 파드 복제본을 유지")
    await js.journal.save_retro(SPACE, MINJI, form)
    await js.journal.accept_suggestion(SPACE, 1, can_manage=True, actor=JUNHO)
    (term,) = js.glossary.layer(KEY)
    assert "민지" in js.glossary.show(term.id, space=KEY).footer
    await js.journal.save_retro(SPACE, MINJI, form, public=False)
    card = js.glossary.show(term.id, space=KEY)
    assert "민지" not in card.footer
    assert card.body == "파드 복제본을 유지"  # the definition the team accepted stays
    fresh = make_journal(NOW, repo=js.repo)  # a restart loads the layer the same way
    await fresh.journal.load_glossary_layers()
    assert "민지" not in fresh.glossary.show(term.id, space=KEY).footer

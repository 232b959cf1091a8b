import dataclasses
import datetime as dt

from bot.core.journal import (
    EntryBody,
    EntryDraft,
    EntryKind,
    Goal,
    Member,
    SaveStatus,
    SuggestionDraft,
    TermRow,
)
from bot.core.models import Link, Term

SPACE_KEY = "discord:g"
MONDAY = dt.date(2024, 3, 4)
NOW = dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC)
BODY = EntryBody(
    goals=(Goal("도커"), Goal("볼륨", done=True)),
    learned="배운 것",
    reflection="회고",
    links=(Link(title="문서", url="https://d.example"),),
    terms=(TermRow("파드", "단위", "비고"),),
    term_text=("형식 없는 줄",),
)


def draft(**changes) -> EntryDraft:
    base = EntryDraft(
        SPACE_KEY, "111", "민지", MONDAY, EntryKind.RETRO, True, BODY, ("docker",), NOW
    )
    return dataclasses.replace(base, **changes)


async def test_an_entry_round_trips_every_field(repos):
    repo = repos.journal
    entry, status = await repo.save_entry(draft())
    assert status is SaveStatus.CREATED
    assert (entry.space, entry.user_id, entry.display_name) == (SPACE_KEY, "111", "민지")
    assert (entry.local_date, entry.kind, entry.public) == (MONDAY, EntryKind.RETRO, True)
    assert entry.body == BODY
    assert entry.linked == ("docker",)
    assert (entry.version, entry.created_at, entry.updated_at) == (1, NOW, NOW)
    assert await repo.get_entry(entry.id) == entry


async def test_loose_link_lines_round_trip(repos):
    body = dataclasses.replace(BODY, link_text=("쿠버네티스 문서 kubernetes.io/docs",))
    entry, _ = await repos.journal.save_entry(draft(body=body))
    assert (await repos.journal.get_entry(entry.id)).body == body


async def test_the_day_key_is_unique_per_space_user_date_and_kind(repos):
    repo = repos.journal
    first, _ = await repo.save_entry(draft())
    later = NOW + dt.timedelta(hours=1)
    second, status = await repo.save_entry(draft(body=EntryBody(reflection="고침"), at=later))
    assert status is SaveStatus.UPDATED
    assert second.id == first.id
    assert (second.version, second.created_at, second.updated_at) == (2, NOW, later)
    others = [
        draft(kind=EntryKind.SCRUM),
        draft(user_id="222"),
        draft(local_date=MONDAY + dt.timedelta(days=1)),
        draft(space="discord:other"),
    ]
    for other in others:
        assert (await repo.save_entry(other))[1] is SaveStatus.CREATED
    stored = [*await repo.entries(SPACE_KEY), *await repo.entries("discord:other")]
    assert len(stored) == 5


async def test_every_changing_save_moves_the_old_version_into_the_history(repos):
    repo = repos.journal
    first, _ = await repo.save_entry(draft())
    t1, t2 = NOW + dt.timedelta(minutes=1), NOW + dt.timedelta(minutes=2)
    await repo.save_entry(draft(body=EntryBody(reflection="둘째"), at=t1))
    await repo.save_entry(draft(body=EntryBody(reflection="셋째"), public=False, at=t2))
    again = draft(body=EntryBody(reflection="셋째"), public=False, at=t2 + dt.timedelta(1))
    unchanged, status = await repo.save_entry(again)
    assert status is SaveStatus.UNCHANGED
    assert unchanged.version == 3
    versions = await repo.versions(first.id)
    assert [(v.version, v.body.reflection, v.public) for v in versions] == [
        (1, "회고", True),
        (2, "둘째", True),
    ]
    assert [(v.saved_at, v.replaced_at) for v in versions] == [(NOW, t1), (t1, t2)]


async def test_entries_filter_by_user_dates_and_kind_and_find_the_previous_one(repos):
    repo = repos.journal
    for offset in (0, 1, 3):
        day = MONDAY + dt.timedelta(days=offset)
        await repo.save_entry(draft(local_date=day, kind=EntryKind.SCRUM))
        await repo.save_entry(draft(local_date=day, user_id="222"))
    mine = await repo.entries(SPACE_KEY, user_id="111")
    assert [e.local_date.day for e in mine] == [4, 5, 7]
    window = await repo.entries(
        SPACE_KEY, date_from=dt.date(2024, 3, 5), date_to=dt.date(2024, 3, 6)
    )
    assert [(e.user_id, e.kind) for e in window] == [
        ("222", EntryKind.RETRO),
        ("111", EntryKind.SCRUM),
    ]
    retros = await repo.entries(SPACE_KEY, kind=EntryKind.RETRO)
    assert {e.user_id for e in retros} == {"222"}
    previous = await repo.previous_entry(SPACE_KEY, "111", EntryKind.SCRUM, dt.date(2024, 3, 7))
    assert previous.local_date == dt.date(2024, 3, 5)
    assert await repo.previous_entry(SPACE_KEY, "111", EntryKind.SCRUM, MONDAY) is None


async def test_members_and_away_are_kept_per_space(repos):
    repo = repos.journal
    await repo.touch_member(SPACE_KEY, "111", "민지", NOW)
    await repo.touch_member(SPACE_KEY, "111", "민지2", NOW)
    await repo.touch_member("discord:other", "222", "준호", NOW)
    assert await repo.members(SPACE_KEY) == [Member("111", "민지2")]
    await repo.set_away(SPACE_KEY, "111", dt.date(2024, 3, 8), NOW)
    await repo.set_away(SPACE_KEY, "111", dt.date(2024, 3, 9), NOW)
    assert await repo.away(SPACE_KEY) == {"111": dt.date(2024, 3, 9)}
    assert await repo.away("discord:other") == {}
    await repo.set_away(SPACE_KEY, "111", None, NOW)
    assert await repo.away(SPACE_KEY) == {}


def suggestion(user_id: str = "111", definition: str = "복제") -> SuggestionDraft:
    row = TermRow("레플리카셋", definition)
    return SuggestionDraft(SPACE_KEY, "레플리카셋", row, user_id, "민지", MONDAY, NOW)


async def test_suggestions_are_one_per_member_and_name_and_settle_together(repos):
    repo = repos.journal
    await repo.add_suggestions(
        [suggestion(), suggestion(definition="고친 정의"), suggestion("222")]
    )
    pending = await repo.suggestions(SPACE_KEY)
    assert [(s.user_id, s.row.definition) for s in pending] == [
        ("111", "고친 정의"),
        ("222", "복제"),
    ]
    term = Term(id="replicaset", term="레플리카셋", definition="복제")
    assert await repo.add_layer_term(SPACE_KEY, term, "레플리카셋", "333", NOW)
    await repo.mark_accepted(SPACE_KEY, "레플리카셋", "replicaset", NOW)
    assert await repo.suggestions(SPACE_KEY) == []
    settled = await repo.suggestions(SPACE_KEY, pending_only=False)
    assert {(s.accepted, s.term_id) for s in settled} == {(True, "replicaset")}
    await repo.add_suggestions([suggestion(definition="늦은 정의")])  # accepted stays accepted
    assert (await repo.get_suggestion(settled[0].id)).row.definition == "고친 정의"


async def test_the_layer_refuses_a_taken_id_or_name(repos):
    repo = repos.journal
    term = Term(id="replicaset", term="레플리카셋", aliases=("ReplicaSet",), definition="복제",
                notes=("롤링 업데이트",), source="민지 · 2024-03-04")  # fmt: skip
    assert await repo.add_layer_term(SPACE_KEY, term, "레플리카셋", "333", NOW)
    same_id = term.model_copy(update={"term": "다른 이름"})
    assert not await repo.add_layer_term(SPACE_KEY, same_id, "다른이름", "333", NOW)
    same_name = term.model_copy(update={"id": "rs"})
    assert not await repo.add_layer_term(SPACE_KEY, same_name, "레플리카셋", "333", NOW)
    assert await repo.add_layer_term("discord:other", term, "레플리카셋", "333", NOW)
    assert await repo.layer_terms(SPACE_KEY) == [term]
    assert set(await repo.layers()) == {SPACE_KEY, "discord:other"}


async def test_a_public_cards_place_is_remembered_replaced_and_forgotten(repos):
    repo = repos.journal
    entry, _ = await repo.save_entry(draft())
    assert await repo.card_of(entry.id) is None
    await repo.remember_card(entry.id, "c1", "m1")
    await repo.remember_card(entry.id, "c2", "m2")
    assert await repo.card_of(entry.id) == ("c2", "m2")
    await repo.forget_card(entry.id)
    assert await repo.card_of(entry.id) is None

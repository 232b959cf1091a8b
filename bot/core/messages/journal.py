"""Texts of the team log: /scrum, /retro, /log, /export, reminders and the digest."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "form.draft.goals": {
        "ko": "입력한 목표 (복사해서 다시 써 주세요)",
        "en": "Your goals (copy them)",
    },
    "form.draft.learned": {
        "ko": "입력한 새로 배운 내용",
        "en": "Your 'what I learned'",
    },
    "form.draft.reflection": {
        "ko": "입력한 회고",
        "en": "Your reflection",
    },
    "form.draft.links": {
        "ko": "입력한 참고 자료",
        "en": "Your references",
    },
    "form.draft.terms": {
        "ko": "입력한 용어",
        "en": "Your terms",
    },
    "journal.term_text_hint": {
        "ko": "용어 칸의 {count}줄은 `용어 | 정의 | 비고` 형식이 아니어서 글로 남겨 두었어요",
        "en": "{count} line(s) in Terms are not `term | definition | note` rows, kept as text",
    },
    "journal.scrum.title": {
        "ko": "🎯 {name}의 스크럼 · {date}",
        "en": "🎯 {name}'s scrum · {date}",
    },
    "journal.retro.title": {
        "ko": "🌙 {name}의 회고 · {date}",
        "en": "🌙 {name}'s retro · {date}",
    },
    "journal.kind.scrum": {
        "ko": "스크럼",
        "en": "Scrum",
    },
    "journal.kind.retro": {
        "ko": "회고",
        "en": "Retro",
    },
    "journal.field.goals": {
        "ko": "오늘의 목표",
        "en": "Today's goals",
    },
    "journal.field.learned": {
        "ko": "새로 배운 내용",
        "en": "What I learned",
    },
    "journal.field.reflection": {
        "ko": "오늘의 회고",
        "en": "Reflection",
    },
    "journal.field.links": {
        "ko": "참고 자료",
        "en": "References",
    },
    "journal.field.terms": {
        "ko": "용어",
        "en": "Terms",
    },
    "journal.linked": {
        "ko": "🔗 연결된 용어",
        "en": "🔗 Linked terms",
    },
    "journal.saved": {
        "ko": "✅ 저장했어요",
        "en": "✅ Saved",
    },
    "journal.updated": {
        "ko": "✏️ 수정했어요 (버전 {version})",
        "en": "✏️ Updated (version {version})",
    },
    "journal.unchanged": {
        "ko": "바뀐 내용이 없어요",
        "en": "Nothing changed",
    },
    "journal.private": {
        "ko": "🔒 나만 보기",
        "en": "🔒 Private",
    },
    "journal.suggested": {
        "ko": "용어집에 제안했어요: {terms}",
        "en": "Suggested for the glossary: {terms}",
    },
    "journal.edit": {
        "ko": "수정",
        "en": "Edit",
    },
    "journal.log.title": {
        "ko": "📓 {name}의 기록 · {period}",
        "en": "📓 {name}'s log · {period}",
    },
    "journal.log.empty": {
        "ko": "이 기간에 볼 수 있는 기록이 없어요.",
        "en": "No entries you can see in this period.",
    },
    "journal.log.more": {
        "ko": "외 {count}개",
        "en": "and {count} more",
    },
    "journal.history.version": {
        "ko": "버전 {version}",
        "en": "Version {version}",
    },
    "journal.history.body": {
        "ko": "이전 버전 {count}개",
        "en": "{count} earlier version(s)",
    },
    "journal.away.set": {
        "ko": "🌴 {date}까지 회고 알림을 쉬어요. 다시 받으려면 `/away none`",
        "en": "🌴 Retro reminders paused through {date}. Resume with `/away none`.",
    },
    "journal.away.cleared": {
        "ko": "🔔 회고 알림을 다시 받아요.",
        "en": "🔔 Retro reminders are back on.",
    },
    "journal.reminder.title": {
        "ko": "🌙 회고 쓸 시간이에요 · {date}",
        "en": "🌙 Time for today's retro · {date}",
    },
    "journal.reminder.body": {
        "ko": "아직 오늘의 회고를 남기지 않은 분: {names}",
        "en": "Not written today's retro yet: {names}",
    },
    "journal.reminder.away": {
        "ko": "🌴 쉬는 중 {count}명",
        "en": "🌴 {count} away",
    },
    "journal.reminder.footer": {
        "ko": "`/retro`로 오늘 배운 것을 남겨 주세요. `/away`로 알림을 잠시 쉴 수 있어요.",
        "en": "Share what you learned with `/retro`. Pause reminders with `/away`.",
    },
    "journal.digest.title": {
        "ko": "📊 이번 주 스터디 · {start} ~ {end}",
        "en": "📊 This week's study · {start} ~ {end}",
    },
    "journal.digest.writers": {
        "ko": "✍️ 기록한 날",
        "en": "✍️ Days logged",
    },
    "journal.digest.writer_row": {
        "ko": "{name} — {days}일",
        "en": "{name} — {days} day(s)",
    },
    "journal.digest.terms": {
        "ko": "📚 함께 다룬 용어",
        "en": "📚 Terms we covered",
    },
    "journal.digest.quiz": {
        "ko": "🧩 퀴즈 정답률",
        "en": "🧩 Quiz accuracy",
    },
    "journal.digest.quiz_team": {
        "ko": "팀 전체 {accuracy}% ({correct}/{answered})",
        "en": "Team {accuracy}% ({correct}/{answered})",
    },
    "journal.digest.quiz_row": {
        "ko": "{name} — {accuracy}% ({correct}/{answered})",
        "en": "{name} — {accuracy}% ({correct}/{answered})",
    },
    "journal.digest.new_terms": {
        "ko": "🌱 이번 주 새 용어",
        "en": "🌱 New terms this week",
    },
    "journal.digest.none": {
        "ko": "(없음)",
        "en": "(none)",
    },
    "journal.digest.footer": {
        "ko": "한 주 수고했어요! 다음 주도 함께해요.",
        "en": "Great work this week! See you next week.",
    },
    "journal.suggestions.title": {
        "ko": "📥 용어집 제안",
        "en": "📥 Glossary suggestions",
    },
    "journal.suggestions.empty": {
        "ko": "새로 들어온 제안이 없어요.",
        "en": "No new suggestions.",
    },
    "journal.suggestions.row": {
        "ko": "{definition}\n— {name}, {date}",
        "en": "{definition}\n— {name}, {date}",
    },
    "journal.suggestions.footer": {
        "ko": "팀원들이 회고의 용어 칸에 적은, 용어집에 없는 용어예요. 버튼으로 추가해요.",
        "en": "Terms members wrote in their retros that the glossary lacks. Add with a button.",
    },
    "journal.accepted": {
        "ko": "📚 용어집에 추가했어요",
        "en": "📚 Added to the glossary",
    },
    "form.scrum.title": {
        "ko": "오늘의 스크럼",
        "en": "Today's scrum",
    },
    "form.scrum.goals": {
        "ko": "오늘의 목표 (한 줄에 하나)",
        "en": "Today's goals (one per line)",
    },
    "form.scrum.goals.placeholder": {
        "ko": "도커 볼륨 실습하기\n✅ 어제 끝낸 목표는 ✅ 또는 [x]로 표시",
        "en": "Practise Docker volumes\n✅ mark finished goals with ✅ or [x]",
    },
    "form.retro.title": {
        "ko": "오늘의 회고",
        "en": "Today's retro",
    },
    "form.retro.learned": {
        "ko": "새로 배운 내용",
        "en": "What I learned",
    },
    "form.retro.reflection": {
        "ko": "오늘의 회고 (필수)",
        "en": "Reflection (required)",
    },
    "form.retro.links": {
        "ko": "참고 자료 (한 줄에 하나)",
        "en": "References (one per line)",
    },
    "form.retro.links.placeholder": {
        "ko": "쿠버네티스란? https://example.com/k8s",
        "en": "What is Kubernetes? https://example.com/k8s",
    },
    "form.retro.terms": {
        "ko": "용어 (용어 | 정의 | 비고)",
        "en": "Terms (term | definition | note)",
    },
    "form.retro.terms.placeholder": {
        "ko": "파드 | 쿠버네티스의 가장 작은 배포 단위 | 컨테이너 여러 개 가능",
        "en": "Pod | the smallest deployable unit | may hold several containers",
    },
    "form.limit": {
        "ko": "최대 {limit}자",
        "en": "Up to {limit} characters",
    },
    "form.scrum.goals.hint": {
        "ko": "한 줄에 목표 하나 · 끝낸 목표는 ✅ 또는 [x] · 최대 {limit}자",
        "en": "One goal per line · mark finished ones with ✅ or [x] · up to {limit} characters",
    },
    "form.retro.learned.placeholder": {
        "ko": "오늘 새로 알게 된 개념, 명령어, 실습 내용",
        "en": "New ideas, commands and practice from today",
    },
    "form.retro.reflection.placeholder": {
        "ko": "잘된 점, 어려웠던 점, 내일 해볼 것",
        "en": "What went well, what was hard, what to try tomorrow",
    },
    "form.retro.links.hint": {
        "ko": "한 줄에 하나: 제목 https://주소 또는 주소만 · 최대 {limit}자",
        "en": "One per line: title https://address, or just the address · up to {limit} characters",
    },
    "form.retro.terms.hint": {
        "ko": "한 줄에 하나: 용어 | 정의 | 비고 (비고는 생략 가능) · 최대 {limit}자",
        "en": "One per line: term | definition | note (note optional) · up to {limit} characters",
    },
    "journal.export.ready": {
        "ko": "📄 TIL 파일을 만들었어요: {name}",
        "en": "📄 Your TIL file is ready: {name}",
    },
    # --- long entries and loose link lines (issue 8) ---
    "journal.field.part": {
        "ko": "{name} ({part}/{total})",
        "en": "{name} ({part}/{total})",
    },
    "journal.card.attached": {
        "ko": "카드에 다 담기지 않아 앞부분만 보여요. 전체 기록은 첨부한 {name} 파일에 있어요",
        "en": "Too long for one card, so only the start is shown; the whole entry is in {name}",
    },
    "journal.log.attached": {
        "ko": (
            "기록 {count}개는 카드에 다 담기지 않았어요. 이 기간의 전체 기록은 첨부한 {name} "
            "파일에 있어요"
        ),
        "en": (
            "{count} entries did not fit in this card; the whole period is in the attached {name}"
        ),
    },
    "journal.link_text_hint": {
        "ko": "참고 자료의 {count}줄은 https:// 주소가 없어서 글로 남겨 두었어요",
        "en": "{count} line(s) in References have no https:// address, kept as text",
    },
    # /log with a versions word (`/log 기간:기록`): every saved version of one's own entries.
    "journal.versions.title": {
        "ko": "🕘 {name}의 수정 기록 · {period}",
        "en": "🕘 {name}'s edit history · {period}",
    },
    "journal.versions.current": {
        "ko": "{date} · {kind} · 버전 {version} (지금) · {saved}",
        "en": "{date} · {kind} · version {version} (current) · {saved}",
    },
    "journal.versions.earlier": {
        "ko": "{date} · {kind} · 버전 {version} · {saved}",
        "en": "{date} · {kind} · version {version} · {saved}",
    },
    "journal.versions.body": {
        "ko": "기록 {entries}개, 이전 버전 {versions}개. 수정 기록은 내 기록만 볼 수 있어요.",
        "en": "{entries} entries, {versions} earlier versions. Only your own history is shown.",
    },
    # What an earlier public card becomes once its entry is made private.
    "journal.withdrawn": {
        "ko": "🔒 비공개로 바뀐 기록이에요. 작성자만 `/log`로 볼 수 있어요.",
        "en": "🔒 This entry is now private. Only its author can see it with `/log`.",
    },
}

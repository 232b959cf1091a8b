"""Texts of spaced repetition: /review, its buttons, reminders, /stats and the Anki export."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "command.review": {
        "ko": "복습할 카드를 하나씩 봐요",
        "en": "Review your due cards one at a time",
    },
    "option.review.reminders": {"ko": "알림", "en": "reminders"},
    "command.review.reminders": {
        "ko": "저녁 알림에 복습 카드 수를 알려 줄지 정해요",
        "en": "Whether the evening reminder mentions your due cards",
    },
    "review.choice.on": {"ko": "켜기", "en": "on"},
    "review.choice.off": {"ko": "끄기", "en": "off"},
    "command.stats": {
        "ko": "학습 기록을 그림으로 봐요",
        "en": "See your study record as a picture",
    },
    "option.stats.member": {"ko": "멤버", "en": "member"},
    "command.stats.member": {
        "ko": "다른 멤버의 공개 기록을 봐요",
        "en": "See another member's public figures",
    },
    "review.title": {
        "ko": "🧠 복습 · 남은 카드 {left}장",
        "en": "🧠 Review · {left} cards left",
    },
    "review.front.term": {
        "ko": "이 용어의 뜻은?",
        "en": "What does this term mean?",
    },
    "review.front.definition": {
        "ko": "이 설명은 어떤 용어일까요?",
        "en": "Which term is this?",
    },
    "review.show": {"ko": "정답 보기", "en": "Show answer"},
    "review.grade.again": {"ko": "다시", "en": "Again"},
    "review.grade.hard": {"ko": "어려움", "en": "Hard"},
    "review.grade.good": {"ko": "알맞음", "en": "Good"},
    "review.grade.easy": {"ko": "쉬움", "en": "Easy"},
    "review.back.footer": {
        "ko": "얼마나 잘 기억했나요?",
        "en": "How well did you remember it?",
    },
    "review.rated": {
        "ko": "'{grade|으로}' 기록했어요. 이 카드는 {date}에 다시 나와요.",
        "en": "Recorded as '{grade}'. This card comes back on {date}.",
    },
    "review.done.title": {
        "ko": "🎉 오늘 복습할 카드를 모두 봤어요",
        "en": "🎉 Nothing left to review today",
    },
    "review.done.body": {
        "ko": "다음 카드는 {when}에 복습할 수 있어요.",
        "en": "Your next card is due {when}.",
    },
    "review.none.title": {
        "ko": "아직 복습 카드가 없어요",
        "en": "You have no review cards yet",
    },
    "review.none.body": {
        "ko": (
            "`/define` 답변의 `복습에 추가` 버튼을 누르거나 `/quiz`에 답하면 카드가 생겨요. "
            "스크럼이나 회고를 쓴 날에는 오늘의 용어도 카드가 돼요."
        ),
        "en": (
            "Press `복습에 추가` (add to review) on a `/define` answer or answer a `/quiz` "
            "to get cards. On a day you write a scrum or retro, the term of the day joins too."
        ),
    },
    "review.add.button": {"ko": "복습에 추가", "en": "복습에 추가 (add to review)"},
    "review.added": {
        "ko": "'{term|을}' 복습 카드에 넣었어요. `/review`로 복습해요.",
        "en": "Added '{term}' to your review cards. Use `/review` to study it.",
    },
    "review.already_added": {
        "ko": "'{term|은}' 이미 복습 카드에 있어요.",
        "en": "'{term}' is already one of your review cards.",
    },
    "review.reminders.on": {
        "ko": "복습 알림을 켰어요. 저녁 알림에 복습할 카드 수를 알려 드려요.",
        "en": "Review reminders are on. The evening reminder will tell you what is due.",
    },
    "review.reminders.off": {
        "ko": "복습 알림을 껐어요.",
        "en": "Review reminders are off.",
    },
    "review.reminders.usage": {
        "ko": "`/review 알림:켜기` 또는 `/review 알림:끄기`로 바꿔요.",
        "en": "Use `/review reminders:on` or `/review reminders:off`.",
    },
    "review.reminder.title": {"ko": "🧠 복습 알림", "en": "🧠 Review reminder"},
    "review.reminder.name": {"ko": "복습할 카드", "en": "Cards to review"},
    "review.reminder.member": {"ko": "{name} {count}장", "en": "{name}: {count}"},
    "review.quiz.weakest": {
        "ko": "팀이 가장 잊기 쉬운 용어에서 냈어요",
        "en": "Asked about the term the team remembers worst",
    },
    "review.today": {
        "ko": "복습할 카드 {count}장",
        "en": "{count} cards to review",
    },
    "review.today.name": {"ko": "복습", "en": "Review"},
    "review.error.invalid_button": {
        "ko": "알 수 없는 복습 버튼이에요.",
        "en": "That is not a review button this bot made.",
    },
    "review.error.unknown_card": {
        "ko": "내 복습 카드가 아니에요. `/review`로 내 카드를 불러와요.",
        "en": "That is not one of your review cards. Use `/review` for yours.",
    },
    "review.error.not_due": {
        "ko": "이 카드는 아직 복습할 때가 아니에요. {date}에 다시 나와요.",
        "en": "This card is not due yet. It comes back on {date}.",
    },
    "review.error.already_rated": {
        "ko": "이 카드는 이미 기록했어요. `/review`로 다음 카드를 봐요.",
        "en": "This card was already rated. Use `/review` for the next one.",
    },
    "review.anki.button": {"ko": "Anki 덱 받기", "en": "Get the Anki deck"},
    "review.anki.ready": {
        "ko": "용어 {count}개를 Anki 덱으로 묶었어요: {name}",
        "en": "Packed {count} terms as an Anki deck: {name}",
    },
    "stats.team": {"ko": "우리 팀", "en": "The team"},
    "stats.title": {
        "ko": "📊 {name}님의 학습 기록",
        "en": "📊 {name}'s study record",
    },
    "stats.chart.title": {
        "ko": "{name}님의 학습 기록 · {date}",
        "en": "{name}'s study record · {date}",
    },
    "stats.empty": {
        "ko": "아직 기록이 없어요. 스크럼·회고를 쓰거나 `/quiz`, `/review`를 해 보세요.",
        "en": "No history yet. Write a scrum or retro, or try `/quiz` and `/review`.",
    },
    "stats.streak": {"ko": "연속 학습 {days}일", "en": "Streak: {days} days"},
    "stats.cards": {
        "ko": "카드 {cards}장 · 복습 {reviews}회",
        "en": "{cards} cards · {reviews} reviews done",
    },
    "stats.accuracy": {"ko": "주별 퀴즈 정답률", "en": "Quiz accuracy by week"},
    "stats.accuracy.row": {
        "ko": "{week} 주: {correct}/{answered} ({percent}%)",
        "en": "week of {week}: {correct}/{answered} ({percent}%)",
    },
    "stats.accuracy.none": {"ko": "퀴즈 기록 없음", "en": "No quiz answers yet"},
    "stats.forecast": {"ko": "앞으로 14일 복습 예정", "en": "Reviews due, next 14 days"},
    "stats.heatmap": {"ko": "최근 12주 학습일", "en": "Study days, last 12 weeks"},
    "stats.chart.day": {"ko": "날짜", "en": "Date"},
    "stats.chart.count": {"ko": "카드 수", "en": "Cards"},
    "stats.chart.percent": {"ko": "정답률 (%)", "en": "Accuracy (%)"},
    "stats.saved": {"ko": "그림을 저장했어요: {path}", "en": "Saved the picture: {path}"},
    "stats.weekdays": {"ko": "월,화,수,목,금,토,일", "en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun"},
}

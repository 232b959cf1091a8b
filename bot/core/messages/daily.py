"""Texts of the morning post, the quiz and the leaderboard."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "morning.title": {
        "ko": "☀️ 좋은 아침이에요! {date} ({weekday})",
        "en": "☀️ Good morning! {date} ({weekday})",
    },
    "morning.day": {
        "ko": "Day {number} · {title}",
        "en": "Day {number} · {title}",
    },
    "morning.free": {
        "ko": "오늘은 정해진 커리큘럼이 없어요. 지난 내용을 복습해 봐요.",
        "en": "No curriculum day today. A good day to review.",
    },
    "morning.not_started": {
        "ko": "커리큘럼은 {date}에 시작해요.",
        "en": "The curriculum starts on {date}.",
    },
    "morning.finished": {
        "ko": "🎉 커리큘럼을 모두 마쳤어요! 오늘의 용어로 계속 복습해요.",
        "en": "🎉 The curriculum is complete! Keep reviewing with the term of the day.",
    },
    "morning.goals": {
        "ko": "오늘의 목표",
        "en": "Today's goals",
    },
    "morning.practice": {
        "ko": "실습",
        "en": "Practice",
    },
    "morning.links": {
        "ko": "참고 자료",
        "en": "References",
    },
    "morning.scrum.title": {
        "ko": "나의 목표",
        "en": "Your goals",
    },
    "morning.scrum.body": {
        "ko": "`/scrum`으로 오늘 공부할 내용을 남겨 주세요.",
        "en": "Share what you'll study today with `/scrum`.",
    },
    "morning.term": {
        "ko": "📖 오늘의 용어",
        "en": "📖 Term of the day",
    },
    "morning.footer": {
        "ko": "오늘의 퀴즈도 곧 올라와요. 함께 꾸준히!",
        "en": "Today's quiz is coming up later. Keep going together!",
    },
    "morning.rest.title": {
        "ko": "오늘은 쉬는 날이에요",
        "en": "No study today",
    },
    "morning.rest.body": {
        "ko": "오늘은 스터디 요일이 아니에요. 푹 쉬고 다음 스터디에서 만나요!",
        "en": "Today is not a study day. Rest well and see you next time!",
    },
    "quiz.daily.title": {
        "ko": "🧩 오늘의 퀴즈 · {date}",
        "en": "🧩 Daily quiz · {date}",
    },
    "quiz.daily.footer": {
        "ko": "마감 {close} · 한 사람당 한 번만 답할 수 있어요",
        "en": "Closes at {close} · one answer per member",
    },
    "quiz.practice.title": {
        "ko": "🧩 연습 문제",
        "en": "🧩 Practice question",
    },
    "quiz.practice.footer": {
        "ko": "연습 문제는 점수에 들어가지 않아요.",
        "en": "Practice questions don't count toward the leaderboard.",
    },
    "quiz.lead.term_definition": {
        "ko": "다음 용어의 뜻으로 알맞은 것은?",
        "en": "Which is the meaning of this term?",
    },
    "quiz.lead.definition_term": {
        "ko": "다음 설명에 해당하는 용어는?",
        "en": "Which term matches this description?",
    },
    "quiz.lead.command_explanation": {
        "ko": "다음 명령어는 무엇을 하나요?",
        "en": "What does this command do?",
    },
    "quiz.lead.note_term": {
        "ko": "다음 설명은 어떤 용어에 대한 것일까요?",
        "en": "Which term is this note about?",
    },
    "quiz.kind.term_definition": {
        "ko": "용어 → 뜻",
        "en": "term → meaning",
    },
    "quiz.kind.definition_term": {
        "ko": "뜻 → 용어",
        "en": "meaning → term",
    },
    "quiz.kind.command_explanation": {
        "ko": "명령어 → 하는 일",
        "en": "command → what it does",
    },
    "quiz.kind.note_term": {
        "ko": "비고 → 용어",
        "en": "note → term",
    },
    "quiz.note": {
        "ko": "참고",
        "en": "Note",
    },
    "quiz.note.fallback": {
        "ko": "'{kind}' 문제를 만들 재료가 부족해서 다른 종류로 냈어요.",
        "en": "There wasn't enough material for a '{kind}' question, so here is another kind.",
    },
    "quiz.note.few_options": {
        "ko": "용어집이 작아서 보기가 {count}개뿐이에요.",
        "en": "The glossary is small, so there are only {count} options.",
    },
    "quiz.none.title": {
        "ko": "퀴즈를 만들 수 없어요",
        "en": "No quiz can be made",
    },
    "quiz.none.body": {
        "ko": (
            "퀴즈에는 용어가 두 개 이상 필요한데, 용어집에는 {count}개뿐이에요. 용어를 더 추가해 "
            "주세요."
        ),
        "en": "A quiz needs at least two terms; the glossary has {count}. Please add more.",
    },
    "quiz.ack.right": {
        "ko": "⭕ 정답이에요!",
        "en": "⭕ Correct!",
    },
    "quiz.ack.wrong": {
        "ko": "❌ 아쉬워요, 틀렸어요",
        "en": "❌ Not quite",
    },
    "quiz.ack.answer": {
        "ko": "정답: {answer}",
        "en": "Answer: {answer}",
    },
    "quiz.ack.daily_wait": {
        "ko": "정답과 해설은 {close} 마감 때 채널에 함께 공개돼요.",
        "en": "The answer and its explanation are posted in the channel at the {close} close.",
    },
    "quiz.explanation": {
        "ko": "해설",
        "en": "Explanation",
    },
    "quiz.result.title": {
        "ko": "🧩 오늘의 퀴즈 · {date} (마감)",
        "en": "🧩 Daily quiz · {date} (closed)",
    },
    "quiz.result.answer": {
        "ko": "정답",
        "en": "Answer",
    },
    "quiz.result.count": {
        "ko": "참여",
        "en": "Answers",
    },
    "quiz.result.count.value": {
        "ko": "{answered}명 참여 · {right}명 정답",
        "en": "{answered} answered · {right} correct",
    },
    "quiz.result.winners": {
        "ko": "정답자",
        "en": "Got it right",
    },
    "quiz.result.nobody": {
        "ko": "(없음)",
        "en": "(nobody)",
    },
    "quiz.result.more": {
        "ko": "외 {count}명",
        "en": "and {count} more",
    },
    "quiz.result.footer": {
        "ko": "`/leaderboard`로 순위를, `/quiz`로 연습 문제를 볼 수 있어요.",
        "en": "See the ranking with `/leaderboard`, or practise with `/quiz`.",
    },
    "leaderboard.title": {
        "ko": "🏆 리더보드 · {period}",
        "en": "🏆 Leaderboard · {period}",
    },
    "leaderboard.week": {
        "ko": "이번 주",
        "en": "this week",
    },
    "leaderboard.month": {
        "ko": "이번 달",
        "en": "this month",
    },
    "leaderboard.all": {
        "ko": "전체",
        "en": "all time",
    },
    "leaderboard.empty": {
        "ko": "아직 기록이 없어요. 오늘의 퀴즈에 참여해 보세요!",
        "en": "No answers yet. Join today's quiz!",
    },
    "leaderboard.row": {
        "ko": "{rank}. {name} — 정답 {correct}/{answered} ({accuracy}%) · 🔥 {streak}일 연속",
        "en": "{rank}. {name} — {correct}/{answered} right ({accuracy}%) · 🔥 {streak}-day streak",
    },
    "leaderboard.footer": {
        "ko": "오늘의 퀴즈만 집계해요. 연속 기록은 스터디 요일 기준이에요.",
        "en": "Only daily quizzes count. Streaks count study days only.",
    },
}

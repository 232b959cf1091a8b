"""Reply texts in Korean (the default) and English, looked up by key."""

from __future__ import annotations

from typing import Literal

Locale = Literal["ko", "en"]
DEFAULT_LOCALE: Locale = "ko"

_MESSAGES: dict[str, dict[Locale, str]] = {
    "define.notes": {"ko": "비고", "en": "Notes"},
    "define.aliases": {"ko": "다른 이름", "en": "Also known as"},
    "define.related": {"ko": "관련 용어", "en": "Related terms"},
    "define.practice": {"ko": "실습 명령어", "en": "Practice commands"},
    "define.links": {"ko": "참고 자료", "en": "References"},
    "define.source": {"ko": "출처: {source}", "en": "Source: {source}"},
    "define.match": {
        "ko": "일치 방식: {kind} · 점수 {score:.0f}",
        "en": "Match: {kind} · score {score:.0f}",
    },
    "define.ambiguous.title": {"ko": "비슷한 용어가 여럿 있어요", "en": "Several terms match"},
    "define.ambiguous.body": {
        "ko": "`{query}`에 똑같이 가까운 용어가 있어요. 어떤 것을 찾으셨나요?",
        "en": "Several terms match `{query}` equally well. Which one did you mean?",
    },
    "define.miss.title": {"ko": "용어를 찾지 못했어요", "en": "Term not found"},
    "define.miss.body": {
        "ko": "`{query}`에 해당하는 용어가 없어요.",
        "en": "No term matches `{query}`.",
    },
    "define.miss.suggest": {"ko": "혹시 이 용어를 찾으셨나요?", "en": "Did you mean one of these?"},
    "define.miss.none": {
        "ko": "비슷한 용어도 없어요. `/help`로 찾을 수 있는 것을 확인해 보세요.",
        "en": "Nothing close either. Try `/help` to see what you can look up.",
    },
    "error.generic": {
        "ko": "죄송해요, 처리하는 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.",
        "en": "Sorry, something went wrong. Please try again in a moment.",
    },
    "error.empty_query": {
        "ko": "찾을 용어를 입력해 주세요. 예: `/define cgroup`",
        "en": "Please type a term to look up, for example `/define cgroup`.",
    },
    "error.query_too_long": {
        "ko": "검색어가 너무 길어요. {limit}자 이하로 입력해 주세요.",
        "en": "That query is too long. Please keep it under {limit} characters.",
    },
    "error.unknown_term": {
        "ko": "그 용어는 이제 용어집에 없어요.",
        "en": "That term is no longer in the glossary.",
    },
    "error.no_token": {
        "ko": (
            "DISCORD_TOKEN이 설정되지 않았어요. "
            ".env에 토큰을 넣거나 --platform console로 실행하세요."
        ),
        "en": "DISCORD_TOKEN is not set. Put a token in .env or run with --platform console.",
    },
    "console.answer.usage": {
        "ko": "`/answer 번호` 형식으로 답해 주세요. 먼저 `/quiz`로 문제를 받아요.",
        "en": "Answer with `/answer N`. Get a question with `/quiz` first.",
    },
    "form.draft.goals": {
        "ko": "입력한 목표 (복사해서 다시 써 주세요)",
        "en": "Your goals (copy them)",
    },
    "form.draft.learned": {"ko": "입력한 새로 배운 내용", "en": "Your 'what I learned'"},
    "form.draft.reflection": {"ko": "입력한 회고", "en": "Your reflection"},
    "form.draft.links": {"ko": "입력한 참고 자료", "en": "Your references"},
    "form.draft.terms": {"ko": "입력한 용어", "en": "Your terms"},
    "journal.term_text_hint": {
        "ko": "용어 칸의 {count}줄은 `용어 | 정의 | 비고` 형식이 아니어서 글로 남겨 두었어요",
        "en": "{count} line(s) in Terms are not `term | definition | note` rows, kept as text",
    },
    "console.form.hint": {
        "ko": "(여러 줄 입력 가능, 빈 줄로 끝내요. 빈 줄만 입력하면 아래 내용을 그대로 써요)",
        "en": "(several lines; end with an empty line; an empty answer keeps the text below)",
    },
    "console.export.empty": {
        "ko": "이 기간에 내보낼 기록이 없어요.",
        "en": "There are no entries to export for that period.",
    },
    "console.edit.hint": {
        "ko": "오늘 기록은 `{command}`로 다시 입력하면 수정돼요.",
        "en": "Run `{command}` again to edit today's entry.",
    },
    "console.edited": {"ko": "(게시물 #{message_id} 수정됨)", "en": "(post #{message_id} edited)"},
    "error.unknown_command": {
        "ko": "모르는 명령어예요: `{command}`. `/help`를 입력해 보세요.",
        "en": "Unknown command: `{command}`. Try `/help`.",
    },
    "help.title": {"ko": "studybot 도움말", "en": "studybot help"},
    "help.body": {
        "ko": (
            "도커와 쿠버네티스를 함께 공부하는 팀을 위한 스터디 봇이에요.\n"
            "용어집에는 {terms}개의 용어와 {commands}개의 실습 명령어가 있어요."
        ),
        "en": (
            "A study bot for teams learning Docker and Kubernetes together.\n"
            "The glossary holds {terms} terms and {commands} practice commands."
        ),
    },
    "help.define": {
        "ko": (
            "`/define 용어` — 용어의 정의, 비고, 관련 용어, 실습 명령어를 보여줘요.\n"
            "한글 조사(도커란, 파드는?), 초성(ㅋㅂㄴㅌㅅ), 오타(kubernets)도 알아들어요."
        ),
        "en": (
            "`/define term` — shows a term's definition, notes, related terms and practice"
            " commands. Korean particles, initial consonants (ㅋㅂㄴㅌㅅ) and typos work too."
        ),
    },
    "help.help": {"ko": "`/help` — 이 도움말을 보여줘요.", "en": "`/help` — shows this help."},
    "help.daily.name": {"ko": "매일의 스터디", "en": "The daily loop"},
    "help.daily": {
        "ko": (
            "`/today` 오늘의 목표와 오늘의 용어 · `/quiz` 연습 문제 · "
            "`/leaderboard` 순위와 연속 학습일 · `/settings` 채널, 시간, 스터디 요일 (관리자)"
        ),
        "en": (
            "`/today` today's goals and term · `/quiz` a practice question · "
            "`/leaderboard` scores and streaks · `/settings` channel, times, study days (managers)"
        ),
    },
    "help.journal.name": {"ko": "팀 기록", "en": "Team log"},
    "help.journal": {
        "ko": (
            "`/scrum` 오늘의 목표 · `/retro` 오늘의 회고와 용어 · `/log` 기록 보기 · "
            "`/export` TIL 마크다운으로 내보내기 · `/away` 알림 쉬기 · "
            "`/glossary suggestions` 용어 제안 (관리자)"
        ),
        "en": (
            "`/scrum` today's goals · `/retro` today's retro and terms · `/log` entries · "
            "`/export` your TIL as Markdown · `/away` pause reminders · "
            "`/glossary suggestions` suggested terms (managers)"
        ),
    },
    "help.examples": {"ko": "예시", "en": "Examples"},
    "command.define": {
        "ko": "도커·쿠버네티스 용어의 뜻을 찾아봐요",
        "en": "Look up a Docker or Kubernetes term",
    },
    "command.define.term": {
        "ko": "찾을 용어 (한글, 영어, 초성 모두 가능)",
        "en": "Term to look up",
    },
    "command.define.private": {
        "ko": "나만 보기 (기본: 모두에게 보임)",
        "en": "Only show it to me (default: public)",
    },
    "command.help": {"ko": "스터디 봇 사용법을 알려줘요", "en": "How to use the study bot"},
    "match.exact": {"ko": "정확히 일치", "en": "exact"},
    "match.alias": {"ko": "다른 이름", "en": "alias"},
    "match.particle": {"ko": "조사 제거", "en": "particle"},
    "match.chosung": {"ko": "초성", "en": "initial consonants"},
    "match.fuzzy": {"ko": "비슷한 철자", "en": "fuzzy"},
    # Discord: option names (Korean by default, English for en-US/en-GB clients) and errors.
    "option.define.term": {"ko": "용어", "en": "term"},
    "option.define.private": {"ko": "나만보기", "en": "private"},
    "error.discord_login": {
        "ko": "디스코드가 봇 토큰을 거부했어요. DISCORD_TOKEN을 확인해 주세요.",
        "en": "Discord rejected the bot token. Check DISCORD_TOKEN.",
    },
    "error.stale_button": {
        "ko": "이 버튼은 더 이상 동작하지 않아요. 명령어를 다시 입력해 주세요.",
        "en": "This button no longer works. Please run the command again.",
    },
    # --- the daily study loop: settings, morning post, quiz, leaderboard ---
    "days.names": {"ko": "월,화,수,목,금,토,일", "en": "Mon,Tue,Wed,Thu,Fri,Sat,Sun"},
    "error.permission_denied": {
        "ko": "이 설정은 서버 관리 권한이 있는 분만 바꿀 수 있어요.",
        "en": "Only members who can manage this server can change this setting.",
    },
    "error.unknown_setting": {
        "ko": "모르는 설정이에요: `{name}`. 바꿀 수 있는 설정: {known}",
        "en": "Unknown setting: `{name}`. You can change: {known}",
    },
    "error.invalid_timezone": {
        "ko": "`{value}`는 올바른 시간대가 아니에요. 예: `Asia/Seoul`, `Europe/Berlin`",
        "en": "`{value}` is not a valid time zone. For example `Asia/Seoul` or `Europe/Berlin`.",
    },
    "error.invalid_time": {
        "ko": "`{value}`는 올바른 시각이 아니에요. 24시간제 `HH:MM`으로 입력해 주세요. 예: `09:00`",
        "en": "`{value}` is not a valid time. Use 24-hour `HH:MM`, for example `09:00`.",
    },
    "error.invalid_days": {
        "ko": "`{value}`에서 요일을 알아듣지 못했어요. 예: `mon-fri`, `월,수,금`, `평일`",
        "en": "Could not read days from `{value}`. Try `mon-fri`, `mon,wed,fri` or `weekdays`.",
    },
    "error.invalid_date": {
        "ko": "`{value}`는 올바른 날짜가 아니에요. `YYYY-MM-DD`로 입력해 주세요.",
        "en": "`{value}` is not a valid date. Use `YYYY-MM-DD`.",
    },
    "error.invalid_setting": {
        "ko": "`{name}`에 `{value}` 값은 쓸 수 없어요.",
        "en": "`{value}` is not a valid value for `{name}`.",
    },
    "error.close_before_open": {
        "ko": "퀴즈 마감({close})은 퀴즈 시작({open})보다 늦어야 해요.",
        "en": "The quiz close time ({close}) must be after the quiz time ({open}).",
    },
    "error.unknown_round": {
        "ko": "이 퀴즈는 찾을 수 없어요. 새 퀴즈를 기다리거나 `/quiz`로 연습해 보세요.",
        "en": "This quiz can't be found. Wait for the next one or practise with `/quiz`.",
    },
    "error.round_closed": {
        "ko": "이 퀴즈는 이미 마감됐어요. 다음 퀴즈에 도전해 주세요!",
        "en": "This quiz is already closed. Try the next one!",
    },
    "error.already_answered": {
        "ko": "이미 이 퀴즈에 답했어요. 한 사람당 한 번만 답할 수 있어요.",
        "en": "You've already answered this quiz. Each member answers once.",
    },
    "error.invalid_answer": {
        "ko": "잘못된 답안 버튼이에요. 아무것도 기록하지 않았어요.",
        "en": "That answer button is not valid. Nothing was recorded.",
    },
    "settings.title": {"ko": "⚙️ 스터디 설정", "en": "⚙️ Study settings"},
    "settings.saved": {"ko": "✅ 설정을 저장했어요", "en": "✅ Settings saved"},
    "settings.footer": {
        "ko": "관리 권한이 있으면 /settings 로 바꿀 수 있어요. 바뀐 시간은 바로 적용돼요.",
        "en": "Server managers can change these with /settings; changes apply at once.",
    },
    "settings.channel": {"ko": "스터디 채널", "en": "Study channel"},
    "settings.channel.none": {
        "ko": "(정하지 않음 — 게시하지 않아요)",
        "en": "(not set — nothing is posted)",
    },
    "settings.timezone": {"ko": "시간대", "en": "Time zone"},
    "settings.morning": {"ko": "아침 인사", "en": "Morning post"},
    "settings.quiz": {"ko": "오늘의 퀴즈", "en": "Daily quiz"},
    "settings.quiz_close": {"ko": "퀴즈 마감", "en": "Quiz closes"},
    "settings.retro": {"ko": "회고 알림", "en": "Retro reminder"},
    "settings.days": {"ko": "스터디 요일", "en": "Study days"},
    "settings.days.none": {"ko": "(없음)", "en": "(none)"},
    "settings.enabled": {"ko": "자동 게시", "en": "Daily posts"},
    "settings.on": {"ko": "켜짐", "en": "on"},
    "settings.off": {"ko": "꺼짐", "en": "off"},
    "settings.start": {"ko": "스터디 시작일", "en": "Study start date"},
    "settings.locale": {"ko": "언어", "en": "Language"},
    "morning.title": {
        "ko": "☀️ 좋은 아침이에요! {date} ({weekday})",
        "en": "☀️ Good morning! {date} ({weekday})",
    },
    "morning.day": {"ko": "Day {number} · {title}", "en": "Day {number} · {title}"},
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
    "morning.goals": {"ko": "오늘의 목표", "en": "Today's goals"},
    "morning.practice": {"ko": "실습", "en": "Practice"},
    "morning.links": {"ko": "참고 자료", "en": "References"},
    "morning.scrum.title": {"ko": "나의 목표", "en": "Your goals"},
    "morning.scrum.body": {
        "ko": "`/scrum`으로 오늘 공부할 내용을 남겨 주세요.",
        "en": "Share what you'll study today with `/scrum`.",
    },
    "morning.term": {"ko": "📖 오늘의 용어", "en": "📖 Term of the day"},
    "morning.footer": {
        "ko": "오늘의 퀴즈도 곧 올라와요. 함께 꾸준히!",
        "en": "Today's quiz is coming up later. Keep going together!",
    },
    "morning.rest.title": {"ko": "오늘은 쉬는 날이에요", "en": "No study today"},
    "morning.rest.body": {
        "ko": "오늘은 스터디 요일이 아니에요. 푹 쉬고 다음 스터디에서 만나요!",
        "en": "Today is not a study day. Rest well and see you next time!",
    },
    "quiz.daily.title": {"ko": "🧩 오늘의 퀴즈 · {date}", "en": "🧩 Daily quiz · {date}"},
    "quiz.daily.footer": {
        "ko": "마감 {close} · 한 사람당 한 번만 답할 수 있어요",
        "en": "Closes at {close} · one answer per member",
    },
    "quiz.practice.title": {"ko": "🧩 연습 문제", "en": "🧩 Practice question"},
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
    "quiz.kind.term_definition": {"ko": "용어 → 뜻", "en": "term → meaning"},
    "quiz.kind.definition_term": {"ko": "뜻 → 용어", "en": "meaning → term"},
    "quiz.kind.command_explanation": {"ko": "명령어 → 하는 일", "en": "command → what it does"},
    "quiz.kind.note_term": {"ko": "비고 → 용어", "en": "note → term"},
    "quiz.note": {"ko": "참고", "en": "Note"},
    "quiz.note.fallback": {
        "ko": "'{kind}' 문제를 만들 재료가 부족해서 다른 종류로 냈어요.",
        "en": "There wasn't enough material for a '{kind}' question, so here is another kind.",
    },
    "quiz.note.few_options": {
        "ko": "용어집이 작아서 보기가 {count}개뿐이에요.",
        "en": "The glossary is small, so there are only {count} options.",
    },
    "quiz.none.title": {"ko": "퀴즈를 만들 수 없어요", "en": "No quiz can be made"},
    "quiz.none.body": {
        "ko": (
            "퀴즈에는 용어가 두 개 이상 필요한데, 용어집에는 {count}개뿐이에요."
            " 용어를 더 추가해 주세요."
        ),
        "en": "A quiz needs at least two terms; the glossary has {count}. Please add more.",
    },
    "quiz.ack.right": {"ko": "⭕ 정답이에요!", "en": "⭕ Correct!"},
    "quiz.ack.wrong": {"ko": "❌ 아쉬워요, 틀렸어요", "en": "❌ Not quite"},
    "quiz.ack.answer": {"ko": "정답: {answer}", "en": "Answer: {answer}"},
    "quiz.explanation": {"ko": "해설", "en": "Explanation"},
    "quiz.result.title": {
        "ko": "🧩 오늘의 퀴즈 · {date} (마감)",
        "en": "🧩 Daily quiz · {date} (closed)",
    },
    "quiz.result.answer": {"ko": "정답", "en": "Answer"},
    "quiz.result.count": {"ko": "참여", "en": "Answers"},
    "quiz.result.count.value": {
        "ko": "{answered}명 참여 · {right}명 정답",
        "en": "{answered} answered · {right} correct",
    },
    "quiz.result.winners": {"ko": "정답자", "en": "Got it right"},
    "quiz.result.nobody": {"ko": "(없음)", "en": "(nobody)"},
    "quiz.result.more": {"ko": "외 {count}명", "en": "and {count} more"},
    "quiz.result.footer": {
        "ko": "`/leaderboard`로 순위를, `/quiz`로 연습 문제를 볼 수 있어요.",
        "en": "See the ranking with `/leaderboard`, or practise with `/quiz`.",
    },
    "leaderboard.title": {"ko": "🏆 리더보드 · {period}", "en": "🏆 Leaderboard · {period}"},
    "leaderboard.week": {"ko": "이번 주", "en": "this week"},
    "leaderboard.month": {"ko": "이번 달", "en": "this month"},
    "leaderboard.all": {"ko": "전체", "en": "all time"},
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
    "command.quiz": {
        "ko": "연습 문제를 풀어봐요 (점수에 들어가지 않아요)",
        "en": "Practise with a private question",
    },
    "command.leaderboard": {"ko": "퀴즈 순위를 봐요", "en": "See the quiz leaderboard"},
    "command.leaderboard.period": {
        "ko": "기간: 이번 주, 이번 달, 전체",
        "en": "Period: this week, this month, all time",
    },
    "command.today": {"ko": "오늘의 스터디 내용을 봐요", "en": "See today's study plan"},
    "command.settings": {
        "ko": "스터디 채널·시간·요일 설정을 보거나 바꿔요",
        "en": "Show or change the study channel, times and days",
    },
    # Discord: the daily loop's option names, their descriptions and its refusals.
    "option.leaderboard.period": {"ko": "기간", "en": "period"},
    "option.settings.channel": {"ko": "채널", "en": "channel"},
    "option.settings.timezone": {"ko": "시간대", "en": "timezone"},
    "option.settings.morning": {"ko": "아침", "en": "morning"},
    "option.settings.quiz": {"ko": "퀴즈", "en": "quiz"},
    "option.settings.quiz_close": {"ko": "퀴즈마감", "en": "quiz_close"},
    "option.settings.retro": {"ko": "회고", "en": "retro"},
    "option.settings.days": {"ko": "요일", "en": "days"},
    "option.settings.enabled": {"ko": "자동게시", "en": "enabled"},
    "option.settings.mention_reminders": {"ko": "회고멘션", "en": "mention_reminders"},
    "command.settings.channel": {
        "ko": "아침 인사와 퀴즈를 올릴 채널",
        "en": "Channel for the morning post and the quiz",
    },
    "command.settings.timezone": {
        "ko": "시간대 (예: Asia/Seoul)",
        "en": "Time zone (e.g. Asia/Seoul)",
    },
    "command.settings.morning": {
        "ko": "아침 인사 시각 (예: 09:00)",
        "en": "Morning post (e.g. 09:00)",
    },
    "command.settings.quiz": {
        "ko": "오늘의 퀴즈 시각 (예: 13:00)",
        "en": "Daily quiz (e.g. 13:00)",
    },
    "command.settings.quiz_close": {
        "ko": "퀴즈 마감 시각 (예: 18:00)",
        "en": "Quiz closes at (e.g. 18:00)",
    },
    "command.settings.retro": {
        "ko": "회고 알림 시각 (예: 21:00)",
        "en": "Retro reminder (e.g. 21:00)",
    },
    "command.settings.days": {
        "ko": "스터디 요일 (예: 월-금, 월수금, 평일, 매일)",
        "en": "Study days (e.g. mon-fri, mon,wed,fri, weekdays, daily)",
    },
    "command.settings.enabled": {
        "ko": "자동 게시 켜기/끄기",
        "en": "Turn the daily posts on or off",
    },
    "command.settings.mention_reminders": {
        "ko": "회고 알림에서 아직 안 쓴 팀원을 멘션할지",
        "en": "Whether the retro reminder pings members who haven't written",
    },
    "error.guild_only": {
        "ko": "이 명령어는 서버 채널에서만 쓸 수 있어요.",
        "en": "This command works in a server channel only.",
    },
    "error.needs_database": {
        "ko": "이 기능은 지금 쓸 수 없어요. 봇을 데이터베이스와 함께 실행해야 해요.",
        "en": "This isn't available right now: the bot runs without its database.",
    },
    "error.no_channel": {
        "ko": "스터디 채널이 정해지지 않았어요. 관리자가 `/settings`로 채널을 골라 주세요.",
        "en": "No study channel is set. A server manager can pick one with `/settings`.",
    },
    # --- the team log: /scrum, /retro, /log, /away, reminders, digest, glossary suggestions ---
    "settings.mentions": {"ko": "회고 알림 멘션", "en": "Reminder mentions"},
    "error.not_owner": {
        "ko": "다른 사람의 기록은 고치거나 볼 수 없어요. 자신의 기록만 수정할 수 있어요.",
        "en": "You can only change (or look behind) your own log entries.",
    },
    "error.field_too_long": {
        "ko": "'{field}' 칸이 너무 길어요. {limit}자 이하로 줄여 주세요.",
        "en": "'{field}' is too long. Please keep it to {limit} characters.",
    },
    "error.empty_field": {
        "ko": "'{field}' 칸을 채워 주세요.",
        "en": "Please fill in '{field}'.",
    },
    "error.future_date": {
        "ko": "{value}은(는) 아직 오지 않은 날이에요. 오늘이나 지난 날짜만 기록할 수 있어요.",
        "en": "{value} hasn't come yet. You can only log today or earlier days.",
    },
    "error.invalid_link": {
        "ko": (
            "참고 자료 줄을 읽지 못했어요: `{line}`\n"
            "한 줄에 하나씩 `제목 https://주소` 또는 주소만 적어 주세요."
        ),
        "en": (
            "Could not read this reference line: `{line}`\n"
            "Write one per line: `title https://address` or just the address."
        ),
    },
    "error.invalid_term_row": {
        "ko": (
            "용어 줄을 읽지 못했어요: `{line}`\n"
            "한 줄에 하나씩 `용어 | 정의 | 비고` 형식으로 적어 주세요 (비고는 생략 가능)."
        ),
        "en": (
            "Could not read this term line: `{line}`\n"
            "Write one per line as `term | definition | note` (the note is optional)."
        ),
    },
    "error.unknown_entry": {
        "ko": "그 기록을 찾을 수 없어요.",
        "en": "That log entry can't be found.",
    },
    "error.unknown_suggestion": {
        "ko": "그 제안을 찾을 수 없어요. 이미 처리됐을 수 있어요.",
        "en": "That suggestion can't be found. It may have been handled already.",
    },
    "error.term_exists": {
        "ko": "`{term}`은(는) 이미 용어집에 있어요.",
        "en": "`{term}` is already in the glossary.",
    },
    "error.away_past": {
        "ko": (
            "{value}은(는) 이미 지난 날짜예요. 오늘이나 이후 날짜를 적어 주세요."
            " 알림을 다시 받으려면 `none`을 적어 주세요."
        ),
        "en": "{value} has already passed. Give today or a later date, or `none` to resume.",
    },
    "error.manage_glossary": {
        "ko": "용어집 제안은 서버 관리 권한이 있는 분만 보고 추가할 수 있어요.",
        "en": "Only members who can manage this server can review glossary suggestions.",
    },
    "journal.scrum.title": {
        "ko": "🎯 {name}의 스크럼 · {date}",
        "en": "🎯 {name}'s scrum · {date}",
    },
    "journal.retro.title": {
        "ko": "🌙 {name}의 회고 · {date}",
        "en": "🌙 {name}'s retro · {date}",
    },
    "journal.kind.scrum": {"ko": "스크럼", "en": "Scrum"},
    "journal.kind.retro": {"ko": "회고", "en": "Retro"},
    "journal.field.goals": {"ko": "오늘의 목표", "en": "Today's goals"},
    "journal.field.learned": {"ko": "새로 배운 내용", "en": "What I learned"},
    "journal.field.reflection": {"ko": "오늘의 회고", "en": "Reflection"},
    "journal.field.links": {"ko": "참고 자료", "en": "References"},
    "journal.field.terms": {"ko": "용어", "en": "Terms"},
    "journal.linked": {"ko": "🔗 연결된 용어", "en": "🔗 Linked terms"},
    "journal.saved": {"ko": "✅ 저장했어요", "en": "✅ Saved"},
    "journal.updated": {
        "ko": "✏️ 수정했어요 (버전 {version})",
        "en": "✏️ Updated (version {version})",
    },
    "journal.unchanged": {"ko": "바뀐 내용이 없어요", "en": "Nothing changed"},
    "journal.private": {"ko": "🔒 나만 보기", "en": "🔒 Private"},
    "journal.suggested": {
        "ko": "용어집에 제안했어요: {terms}",
        "en": "Suggested for the glossary: {terms}",
    },
    "journal.edit": {"ko": "수정", "en": "Edit"},
    "journal.log.title": {
        "ko": "📓 {name}의 기록 · {period}",
        "en": "📓 {name}'s log · {period}",
    },
    "journal.log.empty": {
        "ko": "이 기간에 볼 수 있는 기록이 없어요.",
        "en": "No entries you can see in this period.",
    },
    "journal.log.more": {"ko": "외 {count}개", "en": "and {count} more"},
    "journal.history.version": {"ko": "버전 {version}", "en": "Version {version}"},
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
    "journal.reminder.away": {"ko": "🌴 쉬는 중 {count}명", "en": "🌴 {count} away"},
    "journal.reminder.footer": {
        "ko": "`/retro`로 오늘 배운 것을 남겨 주세요. `/away`로 알림을 잠시 쉴 수 있어요.",
        "en": "Share what you learned with `/retro`. Pause reminders with `/away`.",
    },
    "journal.digest.title": {
        "ko": "📊 이번 주 스터디 · {start} ~ {end}",
        "en": "📊 This week's study · {start} ~ {end}",
    },
    "journal.digest.writers": {"ko": "✍️ 기록한 날", "en": "✍️ Days logged"},
    "journal.digest.writer_row": {"ko": "{name} — {days}일", "en": "{name} — {days} day(s)"},
    "journal.digest.terms": {"ko": "📚 함께 다룬 용어", "en": "📚 Terms we covered"},
    "journal.digest.quiz": {"ko": "🧩 퀴즈 정답률", "en": "🧩 Quiz accuracy"},
    "journal.digest.quiz_team": {
        "ko": "팀 전체 {accuracy}% ({correct}/{answered})",
        "en": "Team {accuracy}% ({correct}/{answered})",
    },
    "journal.digest.quiz_row": {
        "ko": "{name} — {accuracy}% ({correct}/{answered})",
        "en": "{name} — {accuracy}% ({correct}/{answered})",
    },
    "journal.digest.new_terms": {"ko": "🌱 이번 주 새 용어", "en": "🌱 New terms this week"},
    "journal.digest.none": {"ko": "(없음)", "en": "(none)"},
    "journal.digest.footer": {
        "ko": "한 주 수고했어요! 다음 주도 함께해요.",
        "en": "Great work this week! See you next week.",
    },
    "journal.suggestions.title": {"ko": "📥 용어집 제안", "en": "📥 Glossary suggestions"},
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
    "journal.accepted": {"ko": "📚 용어집에 추가했어요", "en": "📚 Added to the glossary"},
    "command.scrum": {
        "ko": "오늘의 학습 목표를 남겨요 (지난번에 못 끝낸 목표는 미리 채워져요)",
        "en": "Share today's goals (unfinished ones from last time are prefilled)",
    },
    "command.scrum.private": {
        "ko": "나만 보기 (기본: 스터디 채널에 공개)",
        "en": "Only visible to me (default: public in the study channel)",
    },
    "command.retro": {
        "ko": "오늘 배운 내용과 회고를 남겨요",
        "en": "Write today's retrospective",
    },
    "command.retro.private": {
        "ko": "나만 보기 (기본: 스터디 채널에 공개)",
        "en": "Only visible to me (default: public in the study channel)",
    },
    "command.log": {
        "ko": "스크럼·회고 기록을 봐요 (팀원 것은 공개된 것만)",
        "en": "See scrum and retro entries (a teammate's public ones only)",
    },
    "command.log.member": {"ko": "볼 팀원 (기본: 나)", "en": "Teammate (default: you)"},
    "command.log.when": {
        "ko": "날짜 YYYY-MM-DD, 오늘, 지난주 (기본: 이번 주)",
        "en": "Date YYYY-MM-DD, today, or last week (default: this week)",
    },
    "command.away": {
        "ko": "회고 알림을 잠시 쉬어요",
        "en": "Pause retro reminders for a while",
    },
    "command.away.until": {
        "ko": "이 날짜까지 쉬어요 (YYYY-MM-DD, none이면 다시 받기)",
        "en": "Pause through this date (YYYY-MM-DD, or none to resume)",
    },
    "command.suggestions": {
        "ko": "팀원들이 제안한 용어를 보고 용어집에 추가해요 (관리자)",
        "en": "Review members' glossary suggestions (managers)",
    },
    "form.scrum.title": {"ko": "오늘의 스크럼", "en": "Today's scrum"},
    "form.scrum.goals": {"ko": "오늘의 목표 (한 줄에 하나)", "en": "Today's goals (one per line)"},
    "form.scrum.goals.placeholder": {
        "ko": "도커 볼륨 실습하기\n✅ 어제 끝낸 목표는 ✅ 또는 [x]로 표시",
        "en": "Practise Docker volumes\n✅ mark finished goals with ✅ or [x]",
    },
    "form.retro.title": {"ko": "오늘의 회고", "en": "Today's retro"},
    "form.retro.learned": {"ko": "새로 배운 내용", "en": "What I learned"},
    "form.retro.reflection": {"ko": "오늘의 회고 (필수)", "en": "Reflection (required)"},
    "form.retro.links": {"ko": "참고 자료 (한 줄에 하나)", "en": "References (one per line)"},
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
    # --- the team log on Discord: modal hints, option names, /export, /glossary ---
    "form.limit": {"ko": "최대 {limit}자", "en": "Up to {limit} characters"},
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
    "option.journal.private": {"ko": "나만보기", "en": "private"},
    "option.log.member": {"ko": "팀원", "en": "member"},
    "option.log.when": {"ko": "기간", "en": "when"},
    "option.away.until": {"ko": "날짜", "en": "until"},
    "command.export": {
        "ko": "내 스크럼·회고를 TIL 마크다운 파일로 받아요",
        "en": "Download your scrums and retros as a TIL Markdown file",
    },
    "command.export.when": {
        "ko": "날짜 YYYY-MM-DD, 오늘, 지난주 (기본: 이번 주)",
        "en": "Date YYYY-MM-DD, today, or last week (default: this week)",
    },
    "command.glossary": {"ko": "팀 용어집을 관리해요", "en": "Manage the team glossary"},
    "journal.export.ready": {
        "ko": "📄 TIL 파일을 만들었어요: {name}",
        "en": "📄 Your TIL file is ready: {name}",
    },
    "error.stale_form": {
        "ko": "이 양식은 더 이상 쓸 수 없어요. 명령어를 다시 입력해 주세요.",
        "en": "This form no longer works. Please run the command again.",
    },
    "error.form_slow": {
        "ko": "양식을 여는 데 시간이 너무 걸렸어요. 잠시 후 다시 시도해 주세요.",
        "en": "Opening the form took too long. Please try again in a moment.",
    },
}


def normalize_locale(locale: str | None) -> Locale:
    """Map a platform locale such as ``en-US`` or ``ko`` to a supported one."""
    if locale and locale.lower().startswith("en"):
        return "en"
    if locale and locale.lower().startswith("ko"):
        return "ko"
    return DEFAULT_LOCALE


def t(key: str, locale: str | None = None, /, **params: object) -> str:
    """The text for ``key`` in ``locale``, falling back to Korean, formatted with ``params``."""
    entry = _MESSAGES[key]
    text = entry.get(normalize_locale(locale)) or entry[DEFAULT_LOCALE]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether the catalogue knows ``key``."""
    return key in _MESSAGES

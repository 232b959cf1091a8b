"""Texts of every refusal and apology."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
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
    "error.no_slack_token": {
        "ko": (
            "SLACK_BOT_TOKEN과 SLACK_APP_TOKEN이 모두 있어야 슬랙에 연결해요. .env에 넣어 주세요."
        ),
        "en": "Slack needs both SLACK_BOT_TOKEN and SLACK_APP_TOKEN. Put them in .env.",
    },
    "error.no_chat_token": {
        "ko": (
            "채팅 토큰이 없어요. 서비스로 실행하려면 .env에 DISCORD_TOKEN, 또는 "
            "SLACK_BOT_TOKEN과 SLACK_APP_TOKEN을 넣어 주세요."
        ),
        "en": (
            "No chat token is set. To run as a service, put DISCORD_TOKEN, or SLACK_BOT_TOKEN "
            "and SLACK_APP_TOKEN, in .env."
        ),
    },
    "error.no_token": {
        "ko": (
            "DISCORD_TOKEN이 설정되지 않았어요. .env에 토큰을 넣거나 --platform console로 "
            "실행하세요."
        ),
        "en": "DISCORD_TOKEN is not set. Put a token in .env or run with --platform console.",
    },
    "error.unknown_command": {
        "ko": "모르는 명령어예요: `{command}`. `/help`를 입력해 보세요.",
        "en": "Unknown command: `{command}`. Try `/help`.",
    },
    "error.discord_login": {
        "ko": "디스코드가 봇 토큰을 거부했어요. DISCORD_TOKEN을 확인해 주세요.",
        "en": "Discord rejected the bot token. Check DISCORD_TOKEN.",
    },
    "error.stale_button": {
        "ko": "이 버튼은 더 이상 동작하지 않아요. 명령어를 다시 입력해 주세요.",
        "en": "This button no longer works. Please run the command again.",
    },
    "error.permission_denied": {
        "ko": "이 설정은 서버 관리 권한이 있는 분만 바꿀 수 있어요.",
        "en": "Only members who can manage this server can change this setting.",
    },
    "error.unknown_setting": {
        "ko": "모르는 설정이에요: `{name}`. 바꿀 수 있는 설정: {known}",
        "en": "Unknown setting: `{name}`. You can change: {known}",
    },
    "error.invalid_timezone": {
        "ko": "`{value|는}` 올바른 시간대가 아니에요. 예: `Asia/Seoul`, `Europe/Berlin`",
        "en": "`{value}` is not a valid time zone. For example `Asia/Seoul` or `Europe/Berlin`.",
    },
    "error.invalid_time": {
        "ko": (
            "`{value|는}` 올바른 시각이 아니에요. 24시간제 `HH:MM`으로 입력해 주세요. 예: `09:00`"
        ),
        "en": "`{value}` is not a valid time. Use 24-hour `HH:MM`, for example `09:00`.",
    },
    "error.invalid_days": {
        "ko": "`{value}`에서 요일을 알아듣지 못했어요. 예: `mon-fri`, `월,수,금`, `평일`",
        "en": "Could not read days from `{value}`. Try `mon-fri`, `mon,wed,fri` or `weekdays`.",
    },
    "error.invalid_date": {
        "ko": "`{value|는}` 올바른 날짜가 아니에요. `YYYY-MM-DD`로 입력해 주세요.",
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
        "ko": "{value|은} 아직 오지 않은 날이에요. 오늘이나 지난 날짜만 기록할 수 있어요.",
        "en": "{value} hasn't come yet. You can only log today or earlier days.",
    },
    "error.invalid_link": {
        "ko": (
            "참고 자료 줄을 읽지 못했어요: `{line}`\n한 줄에 하나씩 `제목 https://주소` 또는 "
            "주소만 적어 주세요."
        ),
        "en": (
            "Could not read this reference line: `{line}`\nWrite one per line: `title "
            "https://address` or just the address."
        ),
    },
    "error.invalid_term_row": {
        "ko": (
            "용어 줄을 읽지 못했어요: `{line}`\n한 줄에 하나씩 `용어 | 정의 | 비고` 형식으로 적어 "
            "주세요 (비고는 생략 가능)."
        ),
        "en": (
            "Could not read this term line: `{line}`\nWrite one per line as `term | definition | "
            "note` (the note is optional)."
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
        "ko": "`{term|은}` 이미 용어집에 있어요.",
        "en": "`{term}` is already in the glossary.",
    },
    "error.away_past": {
        "ko": (
            "{value|은} 이미 지난 날짜예요. 오늘이나 이후 날짜를 적어 주세요. 알림을 다시 "
            "받으려면 `none`을 적어 주세요."
        ),
        "en": "{value} has already passed. Give today or a later date, or `none` to resume.",
    },
    "error.manage_glossary": {
        "ko": "용어집 제안은 서버 관리 권한이 있는 분만 보고 추가할 수 있어요.",
        "en": "Only members who can manage this server can review glossary suggestions.",
    },
    "error.stale_form": {
        "ko": "이 양식은 더 이상 쓸 수 없어요. 명령어를 다시 입력해 주세요.",
        "en": "This form no longer works. Please run the command again.",
    },
    "error.form_slow": {
        "ko": "양식을 여는 데 시간이 너무 걸렸어요. 잠시 후 다시 시도해 주세요.",
        "en": "Opening the form took too long. Please try again in a moment.",
    },
    # --- reliability of the team log (issue 8) ---
    "error.past_date": {
        "ko": (
            "{value|은} 너무 지난 날짜예요. 새 기록은 오늘부터 {days}일 전까지만 쓸 수 있어요. "
            "이미 있는 기록은 그 카드의 수정 버튼으로 고칠 수 있어요."
        ),
        "en": (
            "{value} is too far back. New entries can be dated today or up to {days} days ago; "
            "an existing entry can still be changed with its card's edit button."
        ),
    },
    "error.storage": {
        "ko": (
            "저장하지 못했어요. 기록 저장소에 문제가 있어요. 쓴 내용을 복사해 두고 관리자에게 "
            "알려 주세요."
        ),
        "en": (
            "Not saved: the bot's storage has a problem. Copy what you wrote somewhere safe and "
            "tell an admin."
        ),
    },
    "error.storage_open": {
        "ko": (
            "데이터 폴더를 쓸 수 없어요: {path} ({reason}). 폴더에 쓰기 권한과 빈 공간이 있는지 "
            "확인하거나, STUDYBOT_DATA_DIR로 쓸 수 있는 폴더를 지정해 주세요."
        ),
        "en": (
            "Cannot use the data folder: {path} ({reason}). Check that it is writable and has "
            "free space, or point STUDYBOT_DATA_DIR at a writable folder."
        ),
    },
    "error.storage_not_db": {
        "ko": (
            "{path|은} studybot 데이터베이스가 아니에요 ({reason}). 파일을 다른 곳으로 옮기거나"
            "(새로 만들어져요) 백업에서 복원해 주세요."
        ),
        "en": (
            "{path} is not a studybot database ({reason}). Move it aside (a new one is made) "
            "or restore it from a backup."
        ),
    },
    # PostgreSQL: a connection dropped mid-write (the pool reconnects for the next one).
    "error.storage_down": {
        "ko": "저장소 연결이 잠시 끊겨서 방금 보낸 내용이 저장되지 않았을 수 있어요. "
        "다시 보내 주세요. 같은 내용은 한 번만 저장돼요.",
        "en": "The connection to the database dropped for a moment, so what you just sent "
        "may not have been saved. Please send it again; the same text is only saved once.",
    },
    # Start-up and command-line lines for the operator (one line each, no traceback).
    "error.discord_unreachable": {
        "ko": "디스코드에 연결할 수 없어요 ({reason}). 네트워크를 확인한 뒤 다시 실행해 주세요.",
        "en": "Cannot reach Discord ({reason}). Check the network and run it again.",
    },
    "error.no_token_sync": {
        "ko": (
            "DISCORD_TOKEN이 설정되지 않았어요. `sync`는 디스코드에 명령어를 등록하므로 "
            ".env에 봇 토큰이 필요해요."
        ),
        "en": "DISCORD_TOKEN is not set. `sync` registers the commands with Discord and "
        "needs the bot token in .env.",
    },
    "error.unknown_member": {
        "ko": "{space}에는 {member} 팀원의 기록이 없어요. 기록이 있는 팀원: {members}",
        "en": "{space} has no entries by {member}. Members with entries: {members}",
    },
    "error.no_members": {
        "ko": "{space}에는 아직 아무 기록도 없어요.",
        "en": "{space} has no entries yet.",
    },
}

-- The daily study loop: spaces, the post log, the term-of-the-day rotation and quiz rounds.
-- Instants are UTC ISO-8601 text with microseconds (sortable as text); local dates are
-- YYYY-MM-DD in the space's own timezone.

CREATE TABLE spaces (
    space           TEXT PRIMARY KEY,           -- '<platform>:<id>'
    platform        TEXT NOT NULL,
    space_id        TEXT NOT NULL,
    channel_id      TEXT,
    timezone        TEXT NOT NULL,
    morning_time    TEXT NOT NULL,              -- 'HH:MM' wall clock in timezone
    quiz_time       TEXT NOT NULL,
    quiz_close_time TEXT NOT NULL,
    retro_time      TEXT NOT NULL,
    study_days      TEXT NOT NULL,              -- '0,1,2,3,4' with Monday = 0
    enabled         INTEGER NOT NULL DEFAULT 1,
    started_on      TEXT NOT NULL,
    locale          TEXT NOT NULL DEFAULT 'ko',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (platform, space_id)
);

-- One row per scheduled post; the primary key is what makes posting idempotent.
CREATE TABLE posts (
    space       TEXT NOT NULL,
    local_date  TEXT NOT NULL,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_at  TEXT,                           -- NULL when no one holds the claim
    sent_at     TEXT,
    channel_id  TEXT,
    message_id  TEXT,
    ref         TEXT,                           -- e.g. the quiz round id
    last_error  TEXT,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (space, local_date, kind)
);

CREATE TABLE term_rotation (
    space       TEXT NOT NULL,
    local_date  TEXT NOT NULL,
    term_id     TEXT NOT NULL,
    cycle       INTEGER NOT NULL,
    PRIMARY KEY (space, local_date)
);
CREATE INDEX term_rotation_cycle ON term_rotation (space, cycle);

CREATE TABLE quiz_rounds (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: old buttons stay unknown
    space           TEXT NOT NULL,
    local_date      TEXT NOT NULL,
    practice        INTEGER NOT NULL DEFAULT 0,
    owner_id        TEXT,
    kind            TEXT NOT NULL,
    requested_kind  TEXT,
    subject_id      TEXT NOT NULL,
    prompt          TEXT NOT NULL,
    options         TEXT NOT NULL,              -- JSON array of strings
    answer          INTEGER NOT NULL,
    explanation     TEXT NOT NULL,
    opened_at       TEXT NOT NULL,
    closes_at       TEXT,
    closed_at       TEXT,
    settled_at      TEXT,
    channel_id      TEXT,
    message_id      TEXT
);
CREATE UNIQUE INDEX quiz_rounds_daily ON quiz_rounds (space, local_date) WHERE practice = 0;
CREATE INDEX quiz_rounds_unsettled ON quiz_rounds (closes_at)
    WHERE practice = 0 AND settled_at IS NULL;

CREATE TABLE quiz_answers (
    round_id     INTEGER NOT NULL REFERENCES quiz_rounds (id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    choice       INTEGER NOT NULL,
    correct      INTEGER NOT NULL,
    answered_at  TEXT NOT NULL,
    PRIMARY KEY (round_id, user_id)
);

-- Spaced repetition: one card per (space, member, term) with its FSRS state, every review
-- log, the days members took part and who wants review reminders.
-- Instants are UTC ISO-8601 text with microseconds (text order is time order).

CREATE TABLE review_cards (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    space        TEXT NOT NULL,                 -- '<platform>:<id>'
    user_id      TEXT NOT NULL,
    term_id      TEXT NOT NULL,                 -- kept when the term leaves the content
    state        TEXT NOT NULL,                 -- JSON of the FSRS card
    due          TEXT NOT NULL,
    reps         INTEGER NOT NULL DEFAULT 0,    -- reviews that moved the schedule
    created_at   TEXT NOT NULL,
    last_grade   TEXT,
    last_source  TEXT,
    last_at      TEXT,
    UNIQUE (space, user_id, term_id)
);
-- /review and /today read a member's due cards in due order; term_id makes it covering.
CREATE INDEX review_cards_due ON review_cards (space, user_id, due, term_id);
-- The daily quiz asks which terms the team remembers worst: only reviewed cards count.
CREATE INDEX review_cards_reviewed ON review_cards (space, term_id) WHERE reps > 0;

CREATE TABLE review_logs (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    card_id      INTEGER NOT NULL REFERENCES review_cards (id) ON DELETE CASCADE,
    space        TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    term_id      TEXT NOT NULL,
    grade        TEXT NOT NULL CHECK (grade IN ('again', 'hard', 'good', 'easy')),
    source       TEXT NOT NULL CHECK (source IN ('review', 'quiz', 'practice')),
    moved        INTEGER NOT NULL,
    reviewed_at  TEXT NOT NULL
);
CREATE INDEX review_logs_member ON review_logs (space, user_id, reviewed_at);

-- A rating is one UPDATE guarded by the reps the button showed; this trigger writes its log
-- inside that statement, so a review and its log are one atomic step and a second click
-- (which updates nothing) logs nothing.
CREATE TRIGGER review_cards_log AFTER UPDATE OF reps ON review_cards
BEGIN
    INSERT INTO review_logs (card_id, space, user_id, term_id, grade, source, moved, reviewed_at)
    VALUES (NEW.id, NEW.space, NEW.user_id, NEW.term_id, NEW.last_grade, NEW.last_source, 1,
            NEW.last_at);
END;

CREATE TABLE review_activity (
    space        TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    local_date   TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('scrum', 'retro', 'quiz')),
    PRIMARY KEY (space, user_id, local_date, kind)
);

CREATE TABLE review_members (
    space        TEXT NOT NULL,
    user_id      TEXT NOT NULL,
    reminders    INTEGER NOT NULL DEFAULT 0,
    display_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (space, user_id)
);

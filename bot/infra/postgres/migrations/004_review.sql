-- Spaced repetition, as in SQLite's 003_review.sql: cards with their FSRS state, every review
-- log, the days members took part and who wants review reminders. Instants stay UTC
-- ISO-8601 text with microseconds here too (text order is time order), so `copy-db` maps one
-- row to one row and both backends compare due dates the same way.

CREATE TABLE review_cards (
    id           BIGSERIAL PRIMARY KEY,
    space        TEXT COLLATE "C" NOT NULL,
    user_id      TEXT COLLATE "C" NOT NULL,
    term_id      TEXT COLLATE "C" NOT NULL,
    state        TEXT NOT NULL,
    due          TEXT COLLATE "C" NOT NULL,
    reps         INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    last_grade   TEXT,
    last_source  TEXT,
    last_at      TEXT,
    UNIQUE (space, user_id, term_id)
);
CREATE INDEX review_cards_due ON review_cards (space, user_id, due, term_id);
CREATE INDEX review_cards_reviewed ON review_cards (space, term_id) WHERE reps > 0;

CREATE TABLE review_logs (
    id           BIGSERIAL PRIMARY KEY,
    card_id      BIGINT NOT NULL REFERENCES review_cards (id) ON DELETE CASCADE,
    space        TEXT COLLATE "C" NOT NULL,
    user_id      TEXT COLLATE "C" NOT NULL,
    term_id      TEXT COLLATE "C" NOT NULL,
    grade        TEXT NOT NULL CHECK (grade IN ('again', 'hard', 'good', 'easy')),
    source       TEXT NOT NULL CHECK (source IN ('review', 'quiz', 'practice')),
    moved        INTEGER NOT NULL,
    reviewed_at  TEXT COLLATE "C" NOT NULL
);
CREATE INDEX review_logs_member ON review_logs (space, user_id, reviewed_at);

-- A rating is one UPDATE guarded by the reps the button showed; the trigger writes its log in
-- the same statement, so a second click (which updates nothing) logs nothing.
CREATE FUNCTION review_cards_log() RETURNS trigger AS $$
BEGIN
    INSERT INTO review_logs (card_id, space, user_id, term_id, grade, source, moved, reviewed_at)
    VALUES (NEW.id, NEW.space, NEW.user_id, NEW.term_id, NEW.last_grade, NEW.last_source, 1,
            NEW.last_at);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER review_cards_log AFTER UPDATE OF reps ON review_cards
    FOR EACH ROW WHEN (NEW.reps IS DISTINCT FROM OLD.reps) EXECUTE FUNCTION review_cards_log();

CREATE TABLE review_activity (
    space        TEXT COLLATE "C" NOT NULL,
    user_id      TEXT COLLATE "C" NOT NULL,
    local_date   TEXT COLLATE "C" NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('scrum', 'retro', 'quiz')),
    PRIMARY KEY (space, user_id, local_date, kind)
);

CREATE TABLE review_members (
    space        TEXT COLLATE "C" NOT NULL,
    user_id      TEXT COLLATE "C" NOT NULL,
    reminders    INTEGER NOT NULL DEFAULT 0,
    display_name TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (space, user_id)
);

-- The team log: scrum goals and retrospectives, their edit history, /away, known members,
-- glossary suggestions from members' 용어 rows and each space's glossary layer.
-- Instants are UTC ISO-8601 text with microseconds; local dates are YYYY-MM-DD in the
-- space's timezone.

ALTER TABLE spaces ADD COLUMN mention_reminders INTEGER NOT NULL DEFAULT 0;

-- One entry per member, local day and kind; saving again that day updates the same row.
CREATE TABLE journal_entries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    space        TEXT NOT NULL,                 -- '<platform>:<id>'
    user_id      TEXT NOT NULL,                 -- the owner's platform user id
    display_name TEXT NOT NULL,
    local_date   TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('scrum', 'retro')),
    public       INTEGER NOT NULL DEFAULT 1,
    body         TEXT NOT NULL,                 -- JSON: goals, learned, reflection, links, terms
    linked       TEXT NOT NULL DEFAULT '[]',    -- JSON array of glossary term ids in the text
    version      INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (space, user_id, local_date, kind)
);
CREATE INDEX journal_entries_day ON journal_entries (space, local_date, kind);

-- Every replaced version of an entry. The trigger writes it inside the same statement as the
-- update, so an edit and its history are one atomic step.
CREATE TABLE journal_entry_history (
    entry_id     INTEGER NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    display_name TEXT NOT NULL,
    public       INTEGER NOT NULL,
    body         TEXT NOT NULL,
    linked       TEXT NOT NULL,
    saved_at     TEXT NOT NULL,                 -- when this version was written
    replaced_at  TEXT NOT NULL,                 -- when the next version replaced it
    PRIMARY KEY (entry_id, version)
);

CREATE TRIGGER journal_entries_keep_history
BEFORE UPDATE OF body, public, display_name, linked ON journal_entries
BEGIN
    INSERT INTO journal_entry_history
        (entry_id, version, display_name, public, body, linked, saved_at, replaced_at)
    VALUES
        (OLD.id, OLD.version, OLD.display_name, OLD.public, OLD.body, OLD.linked,
         OLD.updated_at, NEW.updated_at);
END;

-- Members known to the log (anyone who wrote an entry or set /away), with their latest name.
CREATE TABLE journal_members (
    space         TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    display_name  TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    PRIMARY KEY (space, user_id)
);

-- /away: no reminder for this member up to and including `until` (a local date).
CREATE TABLE journal_away (
    space   TEXT NOT NULL,
    user_id TEXT NOT NULL,
    until   TEXT NOT NULL,
    set_at  TEXT NOT NULL,
    PRIMARY KEY (space, user_id)
);

-- Terms from members' 용어 rows that the glossary does not have yet.
CREATE TABLE glossary_suggestions (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    space        TEXT NOT NULL,
    name_key     TEXT NOT NULL,                 -- the normalized term name
    term         TEXT NOT NULL,
    definition   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    user_id      TEXT NOT NULL,
    display_name TEXT NOT NULL,
    local_date   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted')),
    term_id      TEXT,                          -- the layer term it became, once accepted
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    UNIQUE (space, user_id, name_key)
);
CREATE INDEX glossary_suggestions_pending ON glossary_suggestions (space, status);

-- A space's own glossary terms, on top of the shipped content.
CREATE TABLE glossary_layer (
    space    TEXT NOT NULL,
    term_id  TEXT NOT NULL,
    name_key TEXT NOT NULL,
    data     TEXT NOT NULL,                     -- the Term as JSON (the content's own shape)
    added_by TEXT NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (space, term_id),
    UNIQUE (space, name_key)
);

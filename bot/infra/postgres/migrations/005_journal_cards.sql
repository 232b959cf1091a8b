-- Where each public journal card was posted, as in SQLite's 004_journal_cards.sql.
CREATE TABLE journal_cards (
    entry_id    BIGINT PRIMARY KEY REFERENCES journal_entries (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    message_id  TEXT NOT NULL
);

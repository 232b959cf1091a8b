-- Where each public journal card was posted, so the card can be withdrawn when its entry is
-- made private later (the card would otherwise keep showing the old text to everyone).
CREATE TABLE journal_cards (
    entry_id    INTEGER PRIMARY KEY REFERENCES journal_entries (id) ON DELETE CASCADE,
    channel     TEXT NOT NULL,
    message_id  TEXT NOT NULL
);

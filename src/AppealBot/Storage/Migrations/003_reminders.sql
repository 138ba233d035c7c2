-- Reminders: rows with an absolute UTC due time, never in-memory timers. The conversation's plan decides
-- which pending rows a case has; the dispatcher claims due rows, sends them, and marks them sent.
ALTER TABLE users ADD COLUMN nudges_enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE cases ADD COLUMN paused INTEGER NOT NULL DEFAULT 0;

CREATE TABLE reminders (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,                    -- ReminderKind name
    step        TEXT    NOT NULL,                    -- the case step it was planned for; a case that moved on drops it
    due_at      INTEGER NOT NULL,                    -- unix ms, UTC, already out of the user's quiet hours
    state       TEXT    NOT NULL DEFAULT 'pending',  -- pending | sending | sent | dropped | failed
    attempts    INTEGER NOT NULL DEFAULT 0,
    claimed_at  INTEGER NULL,                        -- unix ms when a dispatcher took it for sending
    sent_at     INTEGER NULL,
    created_at  INTEGER NOT NULL
) STRICT;

-- One reminder per case, kind and moment: re-planning never re-creates one that was already sent.
CREATE UNIQUE INDEX reminders_once ON reminders (case_id, kind, due_at);
CREATE INDEX reminders_due ON reminders (due_at) WHERE state = 'pending';
CREATE INDEX reminders_claimed ON reminders (claimed_at) WHERE state = 'sending';

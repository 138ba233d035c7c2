-- Who talks to the bot, and which Telegram updates have been handled (for exactly-once handling).
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,          -- Telegram user id
    chat_id         INTEGER NOT NULL,             -- private chat id
    language        TEXT    NOT NULL,             -- ru | it | en
    language_chosen INTEGER NOT NULL DEFAULT 0,   -- 1 once the user picked it with /language
    blocked_at      INTEGER NULL,                 -- unix ms when Telegram said the user blocked the bot
    created_at      INTEGER NOT NULL,             -- unix ms
    updated_at      INTEGER NOT NULL              -- unix ms
) STRICT;

CREATE TABLE handled_updates (
    update_id  INTEGER PRIMARY KEY,
    handled_at INTEGER NOT NULL                   -- unix ms; rows older than Telegram's redelivery window are pruned
) STRICT;

CREATE INDEX handled_updates_by_time ON handled_updates (handled_at);

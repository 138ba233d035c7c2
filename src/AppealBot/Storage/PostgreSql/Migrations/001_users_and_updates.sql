-- PostgreSQL twin of Storage/Migrations/001 (same number, same tables and columns; PostgreSqlSchemaTests compares them).
-- Types: BIGINT for Telegram ids, row ids and unix ms times, INTEGER for counts and flag sets, BOOLEAN for yes/no.
CREATE TABLE users (
    id              BIGINT  PRIMARY KEY,          -- Telegram user id
    chat_id         BIGINT  NOT NULL,             -- private chat id
    language        TEXT    NOT NULL,             -- ru | it | en
    language_chosen BOOLEAN NOT NULL DEFAULT FALSE, -- once the user picked it with /language
    blocked_at      BIGINT  NULL,                 -- unix ms when Telegram said the user blocked the bot
    created_at      BIGINT  NOT NULL,             -- unix ms
    updated_at      BIGINT  NOT NULL              -- unix ms
);

CREATE TABLE handled_updates (
    update_id  BIGINT PRIMARY KEY,
    handled_at BIGINT NOT NULL                    -- unix ms; rows older than Telegram's redelivery window are pruned
);

CREATE INDEX handled_updates_by_time ON handled_updates (handled_at);

-- Webhook mode: every update Telegram posts is stored here before Telegram gets its 200, and deleted once
-- handled. Taken in update_id order; user_key keeps one user's updates in order (0 = no user).
CREATE TABLE inbox (
    update_id   BIGINT PRIMARY KEY,
    user_key    BIGINT NOT NULL,
    payload     TEXT   NOT NULL,              -- the update as Bot API JSON, kept as received
    received_at BIGINT NOT NULL               -- unix ms
);

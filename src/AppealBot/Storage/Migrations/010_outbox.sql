-- The replies an update owes, written in the same transaction as the update's effects, so a crash between the
-- commit and Telegram's answer loses none: a row is deleted once Telegram accepted the message (or refused it for
-- good), and whatever is left at start is sent first, in each chat's order (the order of id).
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL,
    update_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,             -- 0 a new message, 1 an edit of message_id (the pressed one), 2 a document
    message_id INTEGER,
    html TEXT NOT NULL,                -- the message, or a document's caption
    buttons TEXT,                      -- JSON: rows of [label, callback_data]
    supersedes TEXT,                   -- Reply.Supersedes: edit the chat's latest message if it was sent with this key
    file_name TEXT,
    content BLOB,                      -- a document's bytes (the /export file)
    created_at INTEGER NOT NULL        -- unix ms, UTC: a reply older than Telegram:ReplyLifetime is dropped
);
CREATE INDEX outbox_by_chat ON outbox (chat_id, id);


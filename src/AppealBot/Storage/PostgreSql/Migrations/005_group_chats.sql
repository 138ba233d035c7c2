-- Group chats the bot has told once that it works in private chats only; after that it stays quiet there.
CREATE TABLE group_chats (
    chat_id BIGINT PRIMARY KEY,
    told_at BIGINT NOT NULL      -- unix ms
);

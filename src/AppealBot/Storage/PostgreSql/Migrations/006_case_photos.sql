-- Evidence photos for the collage maker. Only Telegram's file ids are kept, never the pictures: Telegram stores
-- the files, and the bot downloads them again, into memory, whenever collages are made.
ALTER TABLE users ADD COLUMN collage_case_id BIGINT NULL;  -- the case whose collage maker is open (/collage)

CREATE TABLE case_photos (
    case_id        BIGINT  NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,                 -- 1, 2, 3 … in sending order: the number drawn on the photo
    file_id        TEXT    NOT NULL,                 -- Telegram's id to download the file with
    file_unique_id TEXT    NOT NULL,                 -- the same for every copy of the file: spots a photo sent twice
    kind           TEXT    NOT NULL CHECK (kind IN ('photo', 'document')),
    file_size      BIGINT  NULL,                     -- bytes, as Telegram reported them
    mime_type      TEXT    NULL,
    created_at     BIGINT  NOT NULL,                 -- unix ms
    PRIMARY KEY (case_id, position),
    UNIQUE (case_id, file_unique_id)
);

-- What the photo check found on each case photo, and what the buyer chose. Numbers change when photos are left out,
-- so a check belongs to the photo's file_unique_id, and goes with the photo (and the photo with its case).
-- 011: 010 is the reply outbox (#15), which reached main first; the migrator applies every script not yet recorded.
CREATE TABLE photo_checks (
    id             INTEGER PRIMARY KEY,             -- carried by the buyer's buttons ("keep it anyway")
    case_id        INTEGER NOT NULL,
    file_unique_id TEXT    NOT NULL,
    findings       INTEGER NOT NULL,                -- PhotoFindings flags: 1 blurred, 2 dark, 4 washed out, 8 too small, 16 repeat
    repeats        TEXT    NULL,                    -- with 16: file_unique_id of the earlier photo it repeats
    choice         TEXT    NULL CHECK (choice IN ('keep')),  -- null: not answered yet; left out photos are deleted
    checked_at     INTEGER NOT NULL,                -- unix ms
    UNIQUE (case_id, file_unique_id),
    FOREIGN KEY (case_id, file_unique_id) REFERENCES case_photos (case_id, file_unique_id) ON DELETE CASCADE
) STRICT;

-- What each photo shows, as the buyer ticked it (PhotoShows flags); 0 = not said.
ALTER TABLE case_photos ADD COLUMN shows INTEGER NOT NULL DEFAULT 0;

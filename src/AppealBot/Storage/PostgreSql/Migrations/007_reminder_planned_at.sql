-- A reminder's identity is the moment its case planned it; due_at is when to try next, and moves when a try is
-- put off (quiet hours began, Telegram failed). Before, moving due_at made the reminder look unplanned.
ALTER TABLE reminders ADD COLUMN planned_at BIGINT NOT NULL DEFAULT 0;   -- unix ms, UTC
UPDATE reminders SET planned_at = due_at;

DROP INDEX reminders_once;
CREATE UNIQUE INDEX reminders_once ON reminders (case_id, kind, planned_at);

-- A command's question that owns the user's next message (/timezone, /language, /deletemydata), until answered
-- or cancelled: a typed city answers /timezone instead of the case step, and "delete my data" is only confirmed
-- while /deletemydata asked it.
ALTER TABLE users ADD COLUMN pending_question TEXT NULL;  -- PendingQuestion by name; NULL when none

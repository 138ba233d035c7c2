-- Cases: one lost dispute per row, with the conversation machine's state stored by name.
ALTER TABLE users ADD COLUMN active_case_id INTEGER NULL;
ALTER TABLE users ADD COLUMN time_zone TEXT NULL;          -- IANA id; NULL = the usual zone of the user's language

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    user_id             INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    step                TEXT    NOT NULL,                  -- CaseStep name
    order_number        TEXT    NULL,
    problem             TEXT    NULL,                      -- ProblemKind name
    dispute_claim       TEXT    NULL,                      -- Compensation name
    dispute_amount      TEXT    NULL,                      -- decimal, invariant culture
    dispute_currency    TEXT    NULL,
    dispute_closed_on   TEXT    NULL,                      -- yyyy-MM-dd, the user's calendar day
    reasons_answered    INTEGER NOT NULL DEFAULT 0,
    reasons             INTEGER NOT NULL DEFAULT 0,        -- LossReasons flags
    evidence_ready      INTEGER NOT NULL DEFAULT 0,        -- EvidenceItems flags
    compensation        TEXT    NULL,
    compensation_amount TEXT    NULL,
    compensation_currency TEXT  NULL,
    filings             INTEGER NOT NULL DEFAULT 0,
    filed_on            TEXT    NULL,
    check_back_due      INTEGER NULL,                      -- unix ms, UTC
    decision_delays     INTEGER NOT NULL DEFAULT 0,
    decision_due        TEXT    NULL,
    rejections          INTEGER NOT NULL DEFAULT 0,
    refund_amount       TEXT    NULL,
    refund_currency     TEXT    NULL,
    refund_due          TEXT    NULL,
    outcome             TEXT    NOT NULL DEFAULT 'Open',
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
) STRICT;

CREATE INDEX cases_by_user ON cases (user_id, id);

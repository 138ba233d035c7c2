-- The case file: the buyer's own story of each case (what happened, what the seller argued, why the dispute was
-- closed, why a complaint was rejected), as one JSON document, and where the buyer is in its questions.
-- facts is TEXT, not jsonb: the bot reads and writes the document whole and never queries inside it.
ALTER TABLE cases ADD COLUMN facts          TEXT    NOT NULL DEFAULT '{}';  -- CaseFacts as JSON (enums by name)
ALTER TABLE cases ADD COLUMN facts_answered INTEGER NOT NULL DEFAULT 0;     -- questions of the case file behind the buyer
ALTER TABLE cases ADD COLUMN evidence_filed INTEGER NOT NULL DEFAULT 0;     -- EvidenceItems ticked at the latest filing
ALTER TABLE cases ADD COLUMN editing        TEXT    NULL;                   -- FactQuestion being corrected
ALTER TABLE cases ADD COLUMN return_step    TEXT    NULL;                   -- CaseStep to go back to after correcting

-- Cases filed before the case file existed: what they filed with is what they had ticked.
UPDATE cases SET evidence_filed = evidence_ready WHERE filings > 0;

-- Yishi schema version 2: what the ledger view needs.
-- Full-text search over matters: the text is indexed as overlapping character pairs
-- (bigrams, by yishi_bigrams ()), so that two-character Chinese words such as 漏水 or
-- 停车 are found; runs of Latin letters and digits stay whole, and the last four digits
-- of the requester's phone are indexed as a word of their own.
CREATE VIRTUAL TABLE issue_fts USING fts5 (body, tokenize = 'unicode61 remove_diacritics 0');

-- Deleting a matter hides it and can be undone; nothing is lost.
ALTER TABLE issue ADD COLUMN deleted_at TEXT;

CREATE INDEX issue_urgency ON issue (urgency, received_at);
CREATE INDEX issue_channel ON issue (channel, received_at);
CREATE INDEX issue_serial_order ON issue (substr (serial, 1, 4), serial);

INSERT INTO issue_fts (rowid, body)
  SELECT i.id, yishi_bigrams (i.serial || ' ' || i.title || ' ' || i.content || ' ' ||
                              coalesce ((SELECT group_concat (e.note, ' ') FROM issue_event e
                                         WHERE e.issue_id = i.id), '') || ' ' ||
                              substr (i.requester_phone, -4))
  FROM issue i;

-- The ledger view filters live matters by state and sorts by the time received.
CREATE INDEX issue_live_state ON issue (state, received_at) WHERE deleted_at IS NULL;
CREATE INDEX issue_live_received ON issue (received_at) WHERE deleted_at IS NULL;
CREATE INDEX issue_live_category ON issue (category_id, received_at) WHERE deleted_at IS NULL;
CREATE INDEX issue_live_grid ON issue (grid_id, received_at) WHERE deleted_at IS NULL;

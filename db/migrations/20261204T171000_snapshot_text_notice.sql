-- Why a snapshot's extracted text is blank or unusual, so it is said on the source instead of
-- being stored silently: 'no-text' (a scan with no text layer, a damaged file read as blank
-- pages), 'xfa-form' (text read from an XFA form's data), 'xfa-unreadable' (an XFA form of which
-- nothing could be read). NULL: read normally, or captured before this column.
ALTER TABLE snapshots ADD COLUMN text_notice TEXT CHECK (text_notice IN ('no-text', 'xfa-form', 'xfa-unreadable'));

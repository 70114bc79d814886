-- Title-block facts the exported product page prints: its reference number, the date after which
-- no information was taken into account, and who may receive it (the dissemination line).
ALTER TABLE briefings ADD COLUMN reference TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN cutoff_date TEXT;
ALTER TABLE briefings ADD COLUMN dissemination TEXT NOT NULL DEFAULT '';

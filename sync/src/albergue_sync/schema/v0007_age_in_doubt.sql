-- Schema version 7: "edad en duda". Frozen once released.

-- Staff tick that a person's age is in doubt (an estimated birth date alone is not doubt).
-- Placement presumes such a person a minor (LGDNNA art. 5), as it does a person without a
-- birth date. A person field like any other: synced to every center, field-level merge.
ALTER TABLE person ADD COLUMN age_in_doubt BOOLEAN NOT NULL DEFAULT 0;

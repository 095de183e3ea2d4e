-- Schema version 6: the whole IITT card in a screening. Frozen once released.

-- The emergency and priority signs ticked (JSON list of codes), the apparent age band
-- recorded when the person has no date of birth, and a clinician's up-triage: the existing
-- column "colour" keeps what the rules computed; "final_colour" is the colour a clinician set
-- (never lower), with the reason and who raised it. NULL in rows written before version 6.
ALTER TABLE screening ADD COLUMN signs JSON;
ALTER TABLE screening ADD COLUMN apparent_age VARCHAR;
ALTER TABLE screening ADD COLUMN final_colour VARCHAR;
ALTER TABLE screening ADD COLUMN raise_reason VARCHAR;
ALTER TABLE screening ADD COLUMN raised_by VARCHAR;

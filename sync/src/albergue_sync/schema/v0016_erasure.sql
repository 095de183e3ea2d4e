-- Erasure (docs/erasure.md): a person erased keeps only de-identified fields. erased_at is a
-- forward-only field (a set value beats NULL in every merge); its presence makes every file
-- blank the person's personal fields and remove the person's health and protection rows.
ALTER TABLE person ADD COLUMN erased_at DATETIME;

ALTER TABLE person ADD COLUMN erased_by VARCHAR;

CREATE INDEX ix_person_erased ON person (id) WHERE erased_at IS NOT NULL;

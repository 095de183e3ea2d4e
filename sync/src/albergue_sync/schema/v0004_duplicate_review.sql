-- Schema version 4: the cross-center duplicates review (issue 3). Frozen once released.

-- A reviewer's decision on a pair of person records proposed by the duplicates scan
-- ("not_duplicate": the pair leaves the review queue on every file). Synced like any row.
CREATE TABLE duplicate_review (
	id VARCHAR(36) NOT NULL, 
	site_id VARCHAR(32) NOT NULL, 
	created_at DATETIME, 
	created_by VARCHAR, 
	updated_at DATETIME, 
	updated_by VARCHAR, 
	deleted BOOLEAN NOT NULL, 
	deleted_at DATETIME, 
	deleted_by VARCHAR, 
	delete_reason VARCHAR, 
	hlc INTEGER NOT NULL, 
	change_seq INTEGER NOT NULL, 
	vv JSON NOT NULL, 
	fv JSON NOT NULL, 
	person_a_id VARCHAR NOT NULL, 
	person_b_id VARCHAR NOT NULL, 
	decision VARCHAR NOT NULL, 
	decided_at DATETIME NOT NULL, 
	decided_by VARCHAR NOT NULL, 
	note VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_a_id) REFERENCES person (id), 
	FOREIGN KEY(person_b_id) REFERENCES person (id)
);

CREATE INDEX ix_duplicate_review_change_seq ON duplicate_review (change_seq);

CREATE INDEX ix_duplicate_review_pair ON duplicate_review (person_a_id, person_b_id);

-- Schema version 3: health screening, placement decisions, stay and center extensions
-- (issue 5). Frozen once released.

-- Sphere covered living space per person of a center (NULL: the default, 3.5 m2).
ALTER TABLE center ADD COLUMN m2_per_person FLOAT;

-- A transfer creates a 'pending' stay at the receiving center (no bed) that a check-in there
-- completes ('open'). Existing stays are all arrivals. Bedding kit handed at check-in, and
-- the stay a transfer closed.
ALTER TABLE stay ADD COLUMN status VARCHAR NOT NULL DEFAULT 'open';

ALTER TABLE stay ADD COLUMN bedding JSON NOT NULL DEFAULT '[]';

ALTER TABLE stay ADD COLUMN from_stay_id VARCHAR;

-- One row per screening visit; append-only (a correction is a new row, corrects_id).
CREATE TABLE screening (
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
	person_id VARCHAR NOT NULL, 
	center_id VARCHAR, 
	screened_at DATETIME NOT NULL, 
	screened_by VARCHAR NOT NULL, 
	corrects_id VARCHAR, 
	age_months INTEGER, 
	temperature_c FLOAT, 
	heart_rate INTEGER, 
	respiratory_rate INTEGER, 
	systolic_bp INTEGER, 
	diastolic_bp INTEGER, 
	spo2 INTEGER, 
	avpu VARCHAR, 
	weight_kg FLOAT, 
	height_cm FLOAT, 
	symptoms JSON NOT NULL, 
	symptom_onsets JSON NOT NULL, 
	chronic_conditions JSON NOT NULL, 
	pregnant BOOLEAN NOT NULL, 
	gestation_weeks INTEGER, 
	obstetric_signs JSON NOT NULL, 
	disabilities JSON NOT NULL, 
	notes VARCHAR, 
	colour VARCHAR NOT NULL, 
	flags JSON NOT NULL, 
	high_risk_vitals JSON NOT NULL, 
	respiratory_screen VARCHAR NOT NULL, 
	needs_isolation BOOLEAN NOT NULL, 
	urgent_care BOOLEAN NOT NULL, 
	consultation BOOLEAN NOT NULL, 
	obstetric_warning BOOLEAN NOT NULL, 
	rules_fired JSON NOT NULL, 
	rule_table VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_screening_change_seq ON screening (change_seq);

CREATE INDEX ix_screening_corrects_id ON screening (corrects_id);

CREATE INDEX ix_screening_person_at ON screening (person_id, screened_at);

-- Accepted or overridden placement suggestions, with the reason of an override.
CREATE TABLE placement_decision (
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
	household_id VARCHAR NOT NULL, 
	decided_at DATETIME NOT NULL, 
	decided_by VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	suggestion_rank INTEGER, 
	suggestion JSON NOT NULL, 
	choice JSON NOT NULL, 
	reason VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);

CREATE INDEX ix_placement_decision_change_seq ON placement_decision (change_seq);

CREATE INDEX ix_placement_decision_household_id ON placement_decision (household_id);

-- Schema version 13: medical care after arrival (consultations, referrals, pregnancy
-- follow-up, births, mental health and psychosocial notes). Frozen once released.
-- Every table is health data (albergue_sync.rules.HEALTH_TABLES) keyed by person_id.

-- One consultation; append-only (a correction is a new row naming the one it replaces).
CREATE TABLE consultation (
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
	attended_at DATETIME NOT NULL, 
	attended_by VARCHAR NOT NULL, 
	corrects_id VARCHAR, 
	age_months INTEGER, 
	reason VARCHAR NOT NULL, 
	temperature_c FLOAT, 
	heart_rate INTEGER, 
	respiratory_rate INTEGER, 
	systolic_bp INTEGER, 
	diastolic_bp INTEGER, 
	spo2 INTEGER, 
	avpu VARCHAR, 
	weight_kg FLOAT, 
	height_cm FLOAT, 
	colour VARCHAR NOT NULL, 
	rules_fired JSON NOT NULL, 
	findings VARCHAR, 
	diagnosis_code VARCHAR, 
	diagnosis_text VARCHAR, 
	plan VARCHAR, 
	follow_up_date DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_consultation_change_seq ON consultation (change_seq);

CREATE INDEX ix_consultation_corrects_id ON consultation (corrects_id);

CREATE INDEX ix_consultation_person_at ON consultation (person_id, attended_at);

CREATE INDEX ix_consultation_follow_up ON consultation (follow_up_date);

CREATE INDEX ix_consultation_center_at ON consultation (center_id, attended_at);

-- A referral to a hospital or specialist; its status moves forward (sent, attended,
-- returned, did not attend) under the service's transition rules.
CREATE TABLE referral (
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
	consultation_id VARCHAR, 
	referred_at DATETIME NOT NULL, 
	referred_by VARCHAR NOT NULL, 
	destination VARCHAR NOT NULL, 
	specialty VARCHAR, 
	reason VARCHAR NOT NULL, 
	urgency VARCHAR NOT NULL, 
	transport VARCHAR, 
	status VARCHAR NOT NULL, 
	status_at DATETIME, 
	status_by VARCHAR, 
	appointment_date DATE, 
	counter_referral VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_referral_change_seq ON referral (change_seq);

CREATE INDEX ix_referral_person ON referral (person_id);

CREATE INDEX ix_referral_center_status ON referral (center_id, status);

-- A prenatal visit or postnatal check; append-only like consultations.
CREATE TABLE pregnancy_visit (
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
	visited_at DATETIME NOT NULL, 
	visited_by VARCHAR NOT NULL, 
	corrects_id VARCHAR, 
	kind VARCHAR NOT NULL, 
	gestation_weeks INTEGER, 
	due_date DATE, 
	delivery_date DATE, 
	systolic_bp INTEGER, 
	diastolic_bp INTEGER, 
	warning_signs JSON NOT NULL, 
	recommendation VARCHAR NOT NULL, 
	rules_fired JSON NOT NULL, 
	next_visit_date DATE, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_pregnancy_visit_change_seq ON pregnancy_visit (change_seq);

CREATE INDEX ix_pregnancy_visit_corrects_id ON pregnancy_visit (corrects_id);

CREATE INDEX ix_pregnancy_visit_person_at ON pregnancy_visit (person_id, visited_at);

CREATE INDEX ix_pregnancy_visit_next ON pregnancy_visit (next_visit_date);

-- A birth: the mother (person_id) and the newborn registered into her household.
CREATE TABLE birth (
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
	newborn_id VARCHAR NOT NULL, 
	center_id VARCHAR, 
	born_on DATE NOT NULL, 
	place VARCHAR, 
	delivery VARCHAR, 
	weight_g INTEGER, 
	recorded_by VARCHAR NOT NULL, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(newborn_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_birth_change_seq ON birth (change_seq);

CREATE INDEX ix_birth_person ON birth (person_id);

CREATE INDEX ix_birth_born_on ON birth (born_on);

-- Mental health and psychosocial support notes (permission MENTAL_HEALTH); append-only.
CREATE TABLE mental_health_note (
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
	noted_at DATETIME NOT NULL, 
	noted_by VARCHAR NOT NULL, 
	corrects_id VARCHAR, 
	kind VARCHAR NOT NULL, 
	note VARCHAR NOT NULL, 
	risk VARCHAR, 
	follow_up_date DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_mental_health_note_change_seq ON mental_health_note (change_seq);

CREATE INDEX ix_mental_health_note_person ON mental_health_note (person_id, noted_at);

-- Schema version 15 (provisional): exit pathways (docs/pathways.md): discharges of households and people,
-- the job bank (employers, fairs, openings, work paperwork, placements, and the local
-- ISCO-08 coding of each person's work experience), housing (landlords, homes, leases and
-- the households on them), the legal and protection pathway (COMAR applications, referrals
-- of children to the Procuraduría de Protección) and schooling (basic education, INEA,
-- Spanish classes). Frozen once released.

CREATE TABLE employer (
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
	name VARCHAR NOT NULL, 
	sector VARCHAR, 
	rfc VARCHAR, 
	contact_name VARCHAR, 
	phone VARCHAR, 
	email VARCHAR, 
	address VARCHAR, 
	notes VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_employer_change_seq ON employer (change_seq);

CREATE TABLE job_fair (
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
	held_on DATE NOT NULL, 
	name VARCHAR NOT NULL, 
	place VARCHAR, 
	employer_ids JSON NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_job_fair_change_seq ON job_fair (change_seq);

CREATE TABLE job_opening (
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
	employer_id VARCHAR NOT NULL, 
	fair_id VARCHAR, 
	position VARCHAR NOT NULL, 
	isco_code VARCHAR(4), 
	count INTEGER NOT NULL, 
	wage FLOAT, 
	wage_period VARCHAR NOT NULL, 
	shift VARCHAR, 
	requirements VARCHAR, 
	place VARCHAR, 
	opened_on DATE NOT NULL, 
	status VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(employer_id) REFERENCES employer (id), 
	FOREIGN KEY(fair_id) REFERENCES job_fair (id)
);

CREATE INDEX ix_job_opening_change_seq ON job_opening (change_seq);

CREATE INDEX ix_job_opening_employer_id ON job_opening (employer_id);

CREATE INDEX ix_job_opening_isco ON job_opening (isco_code, status);

CREATE TABLE work_paperwork (
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
	rfc_status VARCHAR NOT NULL, 
	rfc_appointment DATE, 
	rfc_issued_on DATE, 
	curp_status VARCHAR NOT NULL, 
	nss VARCHAR, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_work_paperwork_change_seq ON work_paperwork (change_seq);

CREATE INDEX ix_work_paperwork_person_id ON work_paperwork (person_id);

CREATE TABLE job_placement (
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
	opening_id VARCHAR NOT NULL, 
	start_date DATE, 
	outcome VARCHAR NOT NULL, 
	outcome_on DATE, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(opening_id) REFERENCES job_opening (id)
);

CREATE INDEX ix_job_placement_change_seq ON job_placement (change_seq);

CREATE INDEX ix_job_placement_opening_id ON job_placement (opening_id);

CREATE INDEX ix_job_placement_person_id ON job_placement (person_id);

CREATE TABLE person_occupation (
	n INTEGER NOT NULL, 
	person_id VARCHAR NOT NULL, 
	isco_code VARCHAR(4) NOT NULL, 
	years INTEGER, 
	occupation VARCHAR NOT NULL, 
	given_names VARCHAR NOT NULL, 
	surnames VARCHAR NOT NULL, 
	folio VARCHAR, 
	birth_date DATE, 
	migratory_status VARCHAR, 
	migratory_status_until DATE, 
	curp VARCHAR, 
	rfc VARCHAR, 
	PRIMARY KEY (n)
);

CREATE INDEX ix_person_occupation_code ON person_occupation (isco_code, person_id);

CREATE INDEX ix_person_occupation_person_id ON person_occupation (person_id);

CREATE TABLE landlord (
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
	name VARCHAR NOT NULL, 
	phone VARCHAR, 
	address VARCHAR, 
	notes VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_landlord_change_seq ON landlord (change_seq);

CREATE TABLE home (
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
	landlord_id VARCHAR, 
	address VARCHAR NOT NULL, 
	neighborhood VARCHAR, 
	rooms INTEGER NOT NULL, 
	rent FLOAT, 
	deposit FLOAT, 
	dif_guarantor BOOLEAN NOT NULL, 
	conditions VARCHAR, 
	status VARCHAR NOT NULL, 
	recovered BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(landlord_id) REFERENCES landlord (id)
);

CREATE INDEX ix_home_change_seq ON home (change_seq);

CREATE INDEX ix_home_landlord_id ON home (landlord_id);

CREATE TABLE lease (
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
	home_id VARCHAR NOT NULL, 
	start_date DATE NOT NULL, 
	end_date DATE, 
	rent FLOAT, 
	ended_on DATE, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(home_id) REFERENCES home (id)
);

CREATE INDEX ix_lease_change_seq ON lease (change_seq);

CREATE INDEX ix_lease_home_id ON lease (home_id);

CREATE TABLE lease_household (
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
	lease_id VARCHAR NOT NULL, 
	household_id VARCHAR NOT NULL, 
	rent_share FLOAT, 
	moved_in DATE NOT NULL, 
	moved_out DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(lease_id) REFERENCES lease (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);

CREATE INDEX ix_lease_household_change_seq ON lease_household (change_seq);

CREATE INDEX ix_lease_household_household_id ON lease_household (household_id);

CREATE INDEX ix_lease_household_lease_id ON lease_household (lease_id);

CREATE TABLE discharge (
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
	household_id VARCHAR, 
	person_id VARCHAR, 
	person_ids JSON NOT NULL, 
	center_id VARCHAR, 
	discharged_at DATETIME NOT NULL, 
	destination VARCHAR NOT NULL, 
	destination_detail VARCHAR, 
	lease_id VARCHAR, 
	transport VARCHAR NOT NULL, 
	transport_detail VARCHAR, 
	reason VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(household_id) REFERENCES household (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(lease_id) REFERENCES lease (id)
);

CREATE INDEX ix_discharge_change_seq ON discharge (change_seq);

CREATE INDEX ix_discharge_household_id ON discharge (household_id);

CREATE INDEX ix_discharge_person_id ON discharge (person_id);

CREATE TABLE asylum_application (
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
	filed_on DATE NOT NULL, 
	office VARCHAR, 
	case_number VARCHAR, 
	status VARCHAR NOT NULL, 
	next_appointment DATE, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_asylum_application_change_seq ON asylum_application (change_seq);

CREATE INDEX ix_asylum_application_person_id ON asylum_application (person_id);

CREATE TABLE protection_referral (
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
	referred_on DATE NOT NULL, 
	office VARCHAR, 
	reason VARCHAR, 
	status VARCHAR NOT NULL, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_protection_referral_change_seq ON protection_referral (change_seq);

CREATE INDEX ix_protection_referral_person_id ON protection_referral (person_id);

CREATE TABLE school_enrollment (
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
	school VARCHAR NOT NULL, 
	level VARCHAR NOT NULL, 
	grade INTEGER, 
	status VARCHAR NOT NULL, 
	enrolled_on DATE, 
	missing_documents JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_school_enrollment_change_seq ON school_enrollment (change_seq);

CREATE INDEX ix_school_enrollment_person_id ON school_enrollment (person_id);

CREATE TABLE inea_enrollment (
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
	level VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	started_on DATE NOT NULL, 
	certified_on DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_inea_enrollment_change_seq ON inea_enrollment (change_seq);

CREATE INDEX ix_inea_enrollment_person_id ON inea_enrollment (person_id);

CREATE TABLE spanish_group (
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
	center_id VARCHAR, 
	name VARCHAR NOT NULL, 
	level VARCHAR, 
	teacher VARCHAR, 
	member_ids JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_spanish_group_change_seq ON spanish_group (change_seq);

CREATE TABLE spanish_session (
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
	group_id VARCHAR NOT NULL, 
	held_on DATE NOT NULL, 
	topic VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(group_id) REFERENCES spanish_group (id)
);

CREATE INDEX ix_spanish_session_change_seq ON spanish_session (change_seq);

CREATE INDEX ix_spanish_session_group_id ON spanish_session (group_id);

CREATE TABLE spanish_attendance (
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
	session_id VARCHAR NOT NULL, 
	person_id VARCHAR NOT NULL, 
	present BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(session_id) REFERENCES spanish_session (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_spanish_attendance_change_seq ON spanish_attendance (change_seq);

CREATE INDEX ix_spanish_attendance_person_id ON spanish_attendance (person_id);

CREATE INDEX ix_spanish_attendance_session_id ON spanish_attendance (session_id);


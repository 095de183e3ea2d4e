-- Schema version 1. Frozen: later versions add new migration files, never edit this one.

CREATE TABLE audit_event (
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
	at DATETIME NOT NULL, 
	username VARCHAR, 
	action VARCHAR NOT NULL, 
	table_name VARCHAR, 
	row_id VARCHAR, 
	changes JSON NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_audit_event_change_seq ON audit_event (change_seq);

CREATE INDEX ix_audit_row ON audit_event (table_name, row_id);

CREATE TABLE center (
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
	code VARCHAR(3) NOT NULL, 
	name VARCHAR NOT NULL, 
	city_prefix VARCHAR(4) NOT NULL, 
	address VARCHAR, 
	status VARCHAR NOT NULL, 
	profile VARCHAR NOT NULL, 
	daily_capacity INTEGER, 
	has_medical_care BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_center_change_seq ON center (change_seq);

CREATE UNIQUE INDEX ux_center_code ON center (code);

-- (the meta table is created with the file, before any migration)

CREATE TABLE app_user (
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
	username VARCHAR NOT NULL, 
	full_name VARCHAR NOT NULL, 
	role VARCHAR NOT NULL, 
	center_id VARCHAR, 
	password_hash VARCHAR NOT NULL, 
	active BOOLEAN NOT NULL, 
	failed_attempts INTEGER NOT NULL, 
	locked_until DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_app_user_change_seq ON app_user (change_seq);

CREATE UNIQUE INDEX ux_user_username ON app_user (username);

CREATE TABLE area (
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
	center_id VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	segment VARCHAR NOT NULL, 
	area_m2 FLOAT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_area_center_id ON area (center_id);

CREATE INDEX ix_area_change_seq ON area (change_seq);

CREATE TABLE household (
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
	head_person_id VARCHAR, 
	size INTEGER NOT NULL, 
	couple_civil_status VARCHAR, 
	address VARCHAR, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_household_center_id ON household (center_id);

CREATE INDEX ix_household_change_seq ON household (change_seq);

CREATE INDEX ix_household_head_person_id ON household (head_person_id);

CREATE TABLE bed (
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
	area_id VARCHAR NOT NULL, 
	center_id VARCHAR NOT NULL, 
	code VARCHAR NOT NULL, 
	kind VARCHAR NOT NULL, 
	status VARCHAR NOT NULL, 
	block_reason VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(area_id) REFERENCES area (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_bed_area_id ON bed (area_id);

CREATE INDEX ix_bed_center_id ON bed (center_id);

CREATE INDEX ix_bed_change_seq ON bed (change_seq);

CREATE TABLE person (
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
	given_names VARCHAR NOT NULL, 
	surnames VARCHAR NOT NULL, 
	document_name VARCHAR, 
	sex VARCHAR NOT NULL, 
	birth_date DATE, 
	birth_date_estimated BOOLEAN NOT NULL, 
	nationality VARCHAR(2), 
	country_of_birth VARCHAR(2), 
	civil_status VARCHAR, 
	relationship VARCHAR, 
	languages JSON NOT NULL, 
	education_level VARCHAR, 
	work_experience JSON NOT NULL, 
	phone VARCHAR, 
	emergency_contact_name VARCHAR, 
	emergency_contact_phone VARCHAR, 
	migratory_status VARCHAR, 
	migratory_status_from DATE, 
	migratory_status_until DATE, 
	curp VARCHAR, 
	rfc VARCHAR, 
	specific_needs JSON NOT NULL, 
	consent_given BOOLEAN NOT NULL, 
	consent_at DATETIME, 
	consent_by VARCHAR, 
	consent_purposes VARCHAR, 
	arrival_date DATE, 
	notes VARCHAR, 
	folio VARCHAR(20), 
	center_id VARCHAR, 
	household_id VARCHAR, 
	search_key VARCHAR NOT NULL, 
	merged_into_id VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);

CREATE INDEX ix_person_center_folio ON person (center_id, folio);

CREATE INDEX ix_person_change_seq ON person (change_seq);

CREATE INDEX ix_person_household_id ON person (household_id);

CREATE INDEX ix_person_merged_into_id ON person (merged_into_id);

CREATE UNIQUE INDEX ux_person_folio ON person (folio);

CREATE TABLE identity_document (
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
	doc_type VARCHAR NOT NULL, 
	number VARCHAR NOT NULL, 
	issuing_country VARCHAR(2), 
	issue_date DATE, 
	expiry_date DATE, 
	person_id VARCHAR NOT NULL, 
	number_key VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_identity_document_change_seq ON identity_document (change_seq);

CREATE INDEX ix_identity_document_number_key ON identity_document (number_key);

CREATE INDEX ix_identity_document_person_id ON identity_document (person_id);

CREATE TABLE stay (
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
	center_id VARCHAR NOT NULL, 
	bed_id VARCHAR, 
	check_in DATETIME NOT NULL, 
	check_out DATETIME, 
	reason VARCHAR, 
	destination VARCHAR, 
	notes VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(bed_id) REFERENCES bed (id)
);

CREATE INDEX ix_stay_center_open ON stay (center_id, check_out);

CREATE INDEX ix_stay_change_seq ON stay (change_seq);

CREATE INDEX ix_stay_open_bed ON stay (bed_id) WHERE check_out IS NULL AND deleted = 0 AND bed_id IS NOT NULL;

CREATE INDEX ix_stay_open_person ON stay (person_id) WHERE check_out IS NULL AND deleted = 0;

CREATE INDEX ix_stay_person_id ON stay (person_id);

CREATE TABLE vaccination (
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
	vaccine VARCHAR NOT NULL, 
	brand VARCHAR, 
	dose INTEGER, 
	date DATE, 
	lot VARCHAR, 
	place VARCHAR, 
	person_id VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_vaccination_change_seq ON vaccination (change_seq);

CREATE INDEX ix_vaccination_person_id ON vaccination (person_id);

-- Full-text name search. One row per live person, rowid = person.rowid. Kept in step by
-- triggers so every write path (services, imports, the sync engine) updates it.
CREATE VIRTUAL TABLE person_fts USING fts5(
    name, ident,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3'
);

CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN
    INSERT INTO person_fts(rowid, name, ident)
    SELECT p.rowid,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p WHERE p.rowid = new.rowid AND p.deleted = 0;
END;

CREATE TRIGGER person_fts_au AFTER UPDATE OF given_names, surnames, document_name, folio, curp,
    rfc, deleted ON person BEGIN
    DELETE FROM person_fts WHERE rowid = old.rowid;
    INSERT INTO person_fts(rowid, name, ident)
    SELECT p.rowid,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p WHERE p.rowid = new.rowid AND p.deleted = 0;
END;

CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN
    DELETE FROM person_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER identity_document_fts_ai AFTER INSERT ON identity_document BEGIN
    DELETE FROM person_fts WHERE rowid = (SELECT rowid FROM person WHERE id = new.person_id);
    INSERT INTO person_fts(rowid, name, ident)
    SELECT p.rowid,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p WHERE p.id = new.person_id AND p.deleted = 0;
END;

CREATE TRIGGER identity_document_fts_au AFTER UPDATE OF number_key, deleted, person_id
    ON identity_document BEGIN
    DELETE FROM person_fts WHERE rowid IN
        (SELECT rowid FROM person WHERE id IN (old.person_id, new.person_id));
    INSERT INTO person_fts(rowid, name, ident)
    SELECT p.rowid,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p WHERE p.id IN (old.person_id, new.person_id) AND p.deleted = 0;
END;

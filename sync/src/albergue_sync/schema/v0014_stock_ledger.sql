-- Schema version 14 (provisional number): the stock ledger (medicines and supplies), the
-- pharmacy's dispensings and allergies. docs/stock-ledger.md. Frozen once released.

-- Items kept in stock (kind medicine | supply); catalog items have ids derived from
-- their code, so every center's copy is the same row.
CREATE TABLE stock_item (
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
	kind VARCHAR NOT NULL, 
	code VARCHAR NOT NULL, 
	name VARCHAR NOT NULL, 
	presentation VARCHAR NOT NULL, 
	unit VARCHAR NOT NULL, 
	category VARCHAR, 
	allergens JSON NOT NULL, 
	low_stock INTEGER, 
	source VARCHAR, 
	active BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_stock_item_change_seq ON stock_item (change_seq);

-- Lots of an item (code and expiry as printed); id derived from (item, lot code).
CREATE TABLE stock_lot (
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
	item_id VARCHAR NOT NULL, 
	lot_code VARCHAR NOT NULL, 
	expiry DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(item_id) REFERENCES stock_item (id)
);

CREATE INDEX ix_stock_lot_change_seq ON stock_lot (change_seq);

CREATE INDEX ix_stock_lot_item_id ON stock_lot (item_id);

-- The stock ledger: signed quantities per center, item and lot. APPEND_ONLY in the
-- sync rules; the stock on hand is the sum of the live movements.
CREATE TABLE stock_movement (
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
	item_id VARCHAR NOT NULL, 
	lot_id VARCHAR, 
	quantity INTEGER NOT NULL, 
	reason VARCHAR NOT NULL, 
	moved_at DATETIME NOT NULL, 
	moved_by VARCHAR NOT NULL, 
	note VARCHAR, 
	other_center_id VARCHAR, 
	counterpart_id VARCHAR, 
	person_id VARCHAR, 
	household_id VARCHAR, 
	donation_id VARCHAR, 
	dispensing_id VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(item_id) REFERENCES stock_item (id), 
	FOREIGN KEY(lot_id) REFERENCES stock_lot (id), 
	FOREIGN KEY(other_center_id) REFERENCES center (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(household_id) REFERENCES household (id)
);

CREATE INDEX ix_stock_movement_at ON stock_movement (center_id, moved_at);

CREATE INDEX ix_stock_movement_balance ON stock_movement (center_id, item_id, lot_id, deleted, quantity);

CREATE INDEX ix_stock_movement_change_seq ON stock_movement (change_seq);

CREATE INDEX ix_stock_movement_counterpart ON stock_movement (counterpart_id);

CREATE INDEX ix_stock_movement_dispensing_id ON stock_movement (dispensing_id);

CREATE INDEX ix_stock_movement_item_id ON stock_movement (item_id);

-- A person's known allergies (health data, HEALTH_TABLES).
CREATE TABLE allergy (
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
	substance VARCHAR NOT NULL, 
	reaction VARCHAR, 
	severity VARCHAR, 
	recorded_at DATETIME NOT NULL, 
	recorded_by VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_allergy_change_seq ON allergy (change_seq);

CREATE INDEX ix_allergy_person_id ON allergy (person_id);

-- Medicines handed to a person (health data, HEALTH_TABLES); the stock it took is in
-- stock_movement.dispensing_id, which names no person.
CREATE TABLE dispensing (
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
	item_id VARCHAR NOT NULL, 
	quantity INTEGER NOT NULL, 
	dose VARCHAR NOT NULL, 
	days INTEGER, 
	reason VARCHAR, 
	consultation_id VARCHAR, 
	dispensed_at DATETIME NOT NULL, 
	dispensed_by VARCHAR NOT NULL, 
	allergy_warning VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(item_id) REFERENCES stock_item (id)
);

CREATE INDEX ix_dispensing_center_at ON dispensing (center_id, dispensed_at);

CREATE INDEX ix_dispensing_change_seq ON dispensing (change_seq);

CREATE INDEX ix_dispensing_person_at ON dispensing (person_id, dispensed_at);


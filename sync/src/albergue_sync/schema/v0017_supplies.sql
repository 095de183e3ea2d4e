-- Schema version 16 on this branch (provisional number; file named v0017): supplies
-- (docs/supplies.md): donations received, distributions to households and people, meals
-- served per center and service, and the water, sanitation and hygiene counts per center.
-- The goods themselves move on the stock ledger (v0014): a distribution's movements name
-- it in the new column stock_movement.distribution_id. Frozen once released.

ALTER TABLE stock_movement ADD COLUMN distribution_id VARCHAR;

-- The repeat-distribution check reads a household's (or person's) movements by date; the
-- donation receipt reads a donation's movements.
CREATE INDEX ix_stock_movement_household ON stock_movement (household_id, moved_at);

CREATE INDEX ix_stock_movement_person ON stock_movement (person_id, moved_at);

CREATE INDEX ix_stock_movement_donation ON stock_movement (donation_id);

CREATE TABLE donation (
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
	received_on DATE NOT NULL, 
	donor_kind VARCHAR NOT NULL, 
	donor VARCHAR NOT NULL, 
	value_mxn FLOAT, 
	note VARCHAR, 
	received_by VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_donation_center_on ON donation (center_id, received_on);

CREATE INDEX ix_donation_change_seq ON donation (change_seq);

CREATE TABLE distribution (
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
	household_id VARCHAR, 
	person_id VARCHAR, 
	kit_code VARCHAR, 
	distributed_at DATETIME NOT NULL, 
	distributed_by VARCHAR NOT NULL, 
	repeat_confirmed VARCHAR, 
	note VARCHAR, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id), 
	FOREIGN KEY(household_id) REFERENCES household (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_distribution_center_at ON distribution (center_id, distributed_at);

CREATE INDEX ix_distribution_change_seq ON distribution (change_seq);

CREATE INDEX ix_distribution_household_at ON distribution (household_id, distributed_at);

CREATE INDEX ix_distribution_person_id ON distribution (person_id);

CREATE TABLE meal_service (
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
	day DATE NOT NULL, 
	service VARCHAR NOT NULL, 
	served INTEGER NOT NULL, 
	provider VARCHAR, 
	present INTEGER, 
	infants INTEGER NOT NULL, 
	pregnant INTEGER NOT NULL, 
	chronic INTEGER NOT NULL, 
	recorded_by VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_meal_service_center_day ON meal_service (center_id, day);

CREATE INDEX ix_meal_service_change_seq ON meal_service (change_seq);

CREATE TABLE wash_status (
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
	day DATE NOT NULL, 
	toilets INTEGER NOT NULL, 
	showers INTEGER NOT NULL, 
	water_points INTEGER NOT NULL, 
	litres_per_day INTEGER NOT NULL, 
	note VARCHAR, 
	recorded_by VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(center_id) REFERENCES center (id)
);

CREATE INDEX ix_wash_status_center_day ON wash_status (center_id, day);

CREATE INDEX ix_wash_status_change_seq ON wash_status (change_seq);


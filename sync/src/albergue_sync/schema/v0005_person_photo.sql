-- Schema version 5: a person's photo (issue 4). Frozen once released.

-- A new photo tombstones the previous row and adds its own (the image of a row is never
-- updated); the live row taken last is the photo. A downscaled JPEG or PNG: personal data,
-- synced to every center.
CREATE TABLE person_photo (
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
	image BLOB NOT NULL, 
	mime VARCHAR NOT NULL, 
	taken_at DATETIME, 
	PRIMARY KEY (id), 
	FOREIGN KEY(person_id) REFERENCES person (id)
);

CREATE INDEX ix_person_photo_change_seq ON person_photo (change_seq);

CREATE INDEX ix_person_photo_person_id ON person_photo (person_id);

-- Yishi schema version 3: what the registry (网格名册) needs.

-- Deleting a grid, building, unit, household or person hides it and can be undone:
-- everything hidden by one deletion shares its batch, so undoing restores exactly that.
ALTER TABLE grid ADD COLUMN deleted_at TEXT;
ALTER TABLE grid ADD COLUMN deleted_batch TEXT;
ALTER TABLE building ADD COLUMN deleted_at TEXT;
ALTER TABLE building ADD COLUMN deleted_batch TEXT;
ALTER TABLE unit ADD COLUMN deleted_at TEXT;
ALTER TABLE unit ADD COLUMN deleted_batch TEXT;
ALTER TABLE household ADD COLUMN deleted_at TEXT;
ALTER TABLE household ADD COLUMN deleted_batch TEXT;
ALTER TABLE person ADD COLUMN deleted_at TEXT;
ALTER TABLE person ADD COLUMN deleted_batch TEXT;

-- Where a person lives, kept beside the household so that the people of a grid or a
-- building are one index range among a million; triggers keep it true.
ALTER TABLE person ADD COLUMN building_id INTEGER REFERENCES building (id);
ALTER TABLE person ADD COLUMN grid_id INTEGER REFERENCES grid (id);

UPDATE person SET (building_id, grid_id) =
  (SELECT b.id, b.grid_id FROM household h JOIN unit u ON u.id = h.unit_id
   JOIN building b ON b.id = u.building_id WHERE h.id = person.household_id)
WHERE household_id IS NOT NULL;

-- Writers that already know the place (the roster import) give building_id themselves.
CREATE TRIGGER person_place_insert AFTER INSERT ON person
  WHEN NEW.household_id IS NOT NULL AND NEW.building_id IS NULL
BEGIN
  UPDATE person SET (building_id, grid_id) =
    (SELECT b.id, b.grid_id FROM household h JOIN unit u ON u.id = h.unit_id
     JOIN building b ON b.id = u.building_id WHERE h.id = NEW.household_id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER person_place_update AFTER UPDATE OF household_id ON person
BEGIN
  UPDATE person SET (building_id, grid_id) =
    (SELECT b.id, b.grid_id FROM household h JOIN unit u ON u.id = h.unit_id
     JOIN building b ON b.id = u.building_id WHERE h.id = NEW.household_id)
  WHERE id = NEW.id;
END;

CREATE TRIGGER household_moved AFTER UPDATE OF unit_id ON household
BEGIN
  UPDATE person SET (building_id, grid_id) =
    (SELECT b.id, b.grid_id FROM unit u JOIN building b ON b.id = u.building_id
     WHERE u.id = NEW.unit_id)
  WHERE household_id = NEW.id;
END;

CREATE TRIGGER unit_moved AFTER UPDATE OF building_id ON unit
BEGIN
  UPDATE person SET (building_id, grid_id) =
    (SELECT b.id, b.grid_id FROM building b WHERE b.id = NEW.building_id)
  WHERE household_id IN (SELECT id FROM household WHERE unit_id = NEW.id);
END;

CREATE TRIGGER building_moved AFTER UPDATE OF grid_id ON building
BEGIN
  UPDATE person SET grid_id = NEW.grid_id WHERE building_id = NEW.id;
END;

-- The registry's lists: live people by name, within a grid or a building.  They replace
-- version 1's indexes over every row, dead or alive, which only slowed writes.
DROP INDEX person_name;
DROP INDEX person_birth;
DROP INDEX person_residence;
CREATE INDEX person_live_name ON person (name) WHERE deleted_at IS NULL;
CREATE INDEX person_live_grid ON person (grid_id, name) WHERE deleted_at IS NULL;
CREATE INDEX person_live_building ON person (building_id, name) WHERE deleted_at IS NULL;
CREATE INDEX party_membership_current ON party_membership (category, person_id) WHERE end_date IS NULL;
CREATE INDEX role_assignment_current ON role_assignment (role, person_id) WHERE end_date IS NULL;
CREATE INDEX points_entry_rule ON points_entry (rule_id, at);

-- The people list (yishi-people-list.c): residence types and age bands counted and
-- walked in name order from one index range, and together; names with the birth date and
-- residence type beside them, so that a name walk or a name search checks those without
-- reading rows (deleted_at makes it a covering index for SQLite 3.40); current
-- memberships and roles by person, for seeking one person's; the deleted people on their
-- own, so that the live total is the table's count minus theirs.
CREATE INDEX person_live_residence ON person (residence_type, name) WHERE deleted_at IS NULL;
CREATE INDEX person_live_birth ON person (birth_date) WHERE deleted_at IS NULL;
CREATE INDEX person_live_residence_birth ON person (residence_type, birth_date) WHERE deleted_at IS NULL;
CREATE INDEX person_live_name_facts ON person (name, birth_date, residence_type, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX party_membership_current_person ON party_membership (person_id, category, end_date)
  WHERE end_date IS NULL;
CREATE INDEX role_assignment_current_person ON role_assignment (person_id, role, end_date)
  WHERE end_date IS NULL;
CREATE INDEX person_deleted ON person (deleted_at, deleted_batch) WHERE deleted_at IS NOT NULL;

-- What one deletion hid, for undoing it without reading every household.
CREATE INDEX grid_deleted ON grid (deleted_batch);
CREATE INDEX building_deleted ON building (deleted_batch);
CREATE INDEX unit_deleted ON unit (deleted_batch);
CREATE INDEX household_deleted ON household (deleted_batch);

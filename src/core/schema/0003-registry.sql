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

CREATE TRIGGER person_place_insert AFTER INSERT ON person WHEN NEW.household_id IS NOT NULL
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

-- The registry's lists: live people by name, within a grid or a building.
CREATE INDEX person_live_name ON person (name) WHERE deleted_at IS NULL;
CREATE INDEX person_live_grid ON person (grid_id, name) WHERE deleted_at IS NULL;
CREATE INDEX person_live_building ON person (building_id, name) WHERE deleted_at IS NULL;
CREATE INDEX party_membership_current ON party_membership (category, person_id) WHERE end_date IS NULL;
CREATE INDEX role_assignment_current ON role_assignment (role, person_id) WHERE end_date IS NULL;
CREATE INDEX points_entry_rule ON points_entry (rule_id, at);

-- The department list (DepartmentService.ListDepartments) reads one read_model document per department, kind
-- 'department' keyed by its id, written in the commit that creates the department.
-- * Existing databases: the marker row asks the server to write those documents once at start-up from the
--   department-created events; it is deleted when that is done.
INSERT INTO read_model (kind, key, json)
SELECT 'maintenance', 'department-list-rebuild', '{}' WHERE EXISTS (SELECT 1 FROM events WHERE type = 'department-created');

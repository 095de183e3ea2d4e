-- Schema version 8: clean what files already hold that they must not (see
-- docs/sensitive-data.md). Data only, no table changes. Frozen once released.

-- Audit rows of local-only tables (user accounts, bookkeeping) that came from other files
-- are removed: they never leave their file (from this version on the merge drops them:
-- albergue_sync/redact.py).
DELETE FROM audit_event
WHERE table_name IN ('app_user', 'meta', 'sync_source', 'sync_conflict')
  AND site_id <> (SELECT value FROM meta WHERE key = 'site_id');

-- No password hash and no lockout field in any audit row (a password reset wrote both
-- argon2 hashes; a failed sign-in its attempt counter).
UPDATE audit_event
SET changes = json_remove(changes, '$.password_hash', '$.failed_attempts', '$.locked_until')
WHERE json_valid(changes)
  AND (json_type(changes, '$.password_hash') IS NOT NULL
       OR json_type(changes, '$.failed_attempts') IS NOT NULL
       OR json_type(changes, '$.locked_until') IS NOT NULL);

UPDATE audit_event SET changes = json_remove(changes, '$.attempt')
WHERE table_name = 'app_user' AND json_valid(changes)
  AND json_type(changes, '$.attempt') IS NOT NULL;

-- A center file whose last pull of the central registry was without health data received
-- the health and protection codes of other centers' people before that was withheld:
-- withhold them now as the merge does (the field dot [0, "", 0] marks the field withheld,
-- so the real value wins over it in every merge and is restored by a pull with health).
UPDATE person
SET specific_needs = (
      SELECT json_group_array(n.value) FROM json_each(person.specific_needs) n
      WHERE NOT (n.value LIKE 'SM-%' OR n.value LIKE 'CR-TP%' OR n.value LIKE 'SV-%'
                 OR n.value LIKE 'WR-WR%')),
    fv = json_set(fv, '$.specific_needs', json('[0, "", 0]'))
WHERE (SELECT value FROM meta WHERE key = 'center_id') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sync_source WHERE direction = 'pull' AND with_health = 0)
  AND coalesce(center_id, '') <> (SELECT value FROM meta WHERE key = 'center_id')
  AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = person.id AND s.deleted = 0
                  AND s.center_id = (SELECT value FROM meta WHERE key = 'center_id'))
  AND json_valid(specific_needs)
  AND EXISTS (SELECT 1 FROM json_each(person.specific_needs) n
              WHERE n.value LIKE 'SM-%' OR n.value LIKE 'CR-TP%' OR n.value LIKE 'SV-%'
                 OR n.value LIKE 'WR-WR%');

-- ... the routing of placement decisions of other centers' households (it names isolation
-- or maternity; the beds stay),
UPDATE placement_decision
SET suggestion = json_set(suggestion, '$.explanations', json('[]'), '$.relaxed', json('[]')),
    fv = json_set(fv, '$.suggestion', json('[0, "", 0]'))
WHERE (SELECT value FROM meta WHERE key = 'center_id') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sync_source WHERE direction = 'pull' AND with_health = 0)
  AND json_valid(suggestion)
  AND (json_array_length(suggestion, '$.explanations') > 0
       OR json_array_length(suggestion, '$.relaxed') > 0)
  AND NOT EXISTS (
      SELECT 1 FROM household h WHERE h.id = placement_decision.household_id
        AND (h.center_id = (SELECT value FROM meta WHERE key = 'center_id')
             OR EXISTS (SELECT 1 FROM stay s JOIN person p ON p.id = s.person_id
                        WHERE p.household_id = h.id AND s.deleted = 0
                          AND s.center_id = (SELECT value FROM meta WHERE key = 'center_id'))));

-- ... and their audit rows: the codes leave the specific-needs changes of those people,
UPDATE audit_event
SET changes = json_set(changes, '$.specific_needs', json_array(
      json((SELECT json_group_array(n.value)
            FROM json_each(audit_event.changes, '$.specific_needs[0]') n
            WHERE NOT (n.value LIKE 'SM-%' OR n.value LIKE 'CR-TP%' OR n.value LIKE 'SV-%'
                       OR n.value LIKE 'WR-WR%'))),
      json((SELECT json_group_array(n.value)
            FROM json_each(audit_event.changes, '$.specific_needs[1]') n
            WHERE NOT (n.value LIKE 'SM-%' OR n.value LIKE 'CR-TP%' OR n.value LIKE 'SV-%'
                       OR n.value LIKE 'WR-WR%')))))
WHERE table_name = 'person' AND json_valid(changes)
  AND json_type(changes, '$.specific_needs') = 'array'
  AND (SELECT value FROM meta WHERE key = 'center_id') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sync_source WHERE direction = 'pull' AND with_health = 0)
  AND row_id IN (
      SELECT p.id FROM person p
      WHERE coalesce(p.center_id, '') <> (SELECT value FROM meta WHERE key = 'center_id')
        AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.deleted = 0
                        AND s.center_id = (SELECT value FROM meta WHERE key = 'center_id')));

-- ... audit rows of health records this file does not hold lose their values,
UPDATE audit_event SET changes = '{}'
WHERE table_name IN ('screening', 'vaccination') AND changes NOT IN ('{}', '')
  AND (SELECT value FROM meta WHERE key = 'center_id') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sync_source WHERE direction = 'pull' AND with_health = 0)
  AND row_id NOT IN (SELECT id FROM screening UNION ALL SELECT id FROM vaccination);

-- ... and conflict records about values it did not receive go (the central file keeps them).
DELETE FROM sync_conflict
WHERE (SELECT value FROM meta WHERE key = 'center_id') IS NOT NULL
  AND EXISTS (SELECT 1 FROM sync_source WHERE direction = 'pull' AND with_health = 0)
  AND ((table_name IN ('screening', 'vaccination')
        AND row_id NOT IN (SELECT id FROM screening UNION ALL SELECT id FROM vaccination))
       OR (table_name = 'person' AND field = 'specific_needs' AND row_id IN (
           SELECT p.id FROM person p
           WHERE coalesce(p.center_id, '') <> (SELECT value FROM meta WHERE key = 'center_id')
             AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.deleted = 0
                             AND s.center_id = (SELECT value FROM meta WHERE key = 'center_id')))));

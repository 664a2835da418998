-- The first merge of one desk database into the project's, as SQL run by
-- the sqlite3 shell: the bound bench/merge.sh sets beside "carnet merge".
-- The source is attached as "src" (bench/merge.sh renames it for each of
-- the sources of one transaction); the caller has dropped the secondary
-- indexes and builds them again once every source is in. Persons come by
-- code (a profile replaced by a later one, the same order as carnet's on
-- a tie), visits, workshops and their participants and times by id.
INSERT INTO main.person (id, code, age, gender, area, situation, equipment, created_at,
    updated_at)
  SELECT p.id, p.code, p.age, p.gender, p.area, p.situation, p.equipment, p.created_at,
    p.updated_at
  FROM src.person p WHERE p.deleted_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM main.person m WHERE m.code = p.code);
UPDATE main.person AS m SET age = p.age, gender = p.gender, area = p.area,
    situation = p.situation, equipment = p.equipment, updated_at = p.updated_at
  FROM src.person p WHERE p.code = m.code AND p.deleted_at IS NULL
    AND (p.updated_at > m.updated_at OR (p.updated_at = m.updated_at
      AND coalesce(p.age, '') || ',' || coalesce(p.gender, '') || ',' || coalesce(p.area, '')
          || ',' || coalesce(p.situation, '') || ',' || coalesce(p.equipment, '')
        > coalesce(m.age, '') || ',' || coalesce(m.gender, '') || ',' || coalesce(m.area, '')
          || ',' || coalesce(m.situation, '') || ',' || coalesce(m.equipment, '')));
INSERT INTO main.visit (id, date, time, duration, site, mediator, canal, posture, present,
    outcome, urgent, referred_by, referred_to, referred_place, person_id, note, created_at,
    updated_at, deleted_at, demands, organisms, referral_how, referral_place, referral_went,
    referral_answered)
  SELECT v.id, v.date, v.time, v.duration, v.site, v.mediator, v.canal, v.posture, v.present,
    v.outcome, v.urgent, v.referred_by, v.referred_to, v.referred_place,
    (SELECT m.id FROM main.person m WHERE m.code = p.code), v.note, v.created_at,
    v.updated_at, v.deleted_at, v.demands, v.organisms, v.referral_how, v.referral_place,
    v.referral_went, v.referral_answered
  FROM src.visit v LEFT JOIN src.person p ON p.id = v.person_id
  WHERE NOT EXISTS (SELECT 1 FROM main.visit x WHERE x.id = v.id);
INSERT INTO main.workshop_participant (workshop_id, rank, person_id, present)
  SELECT wp.workshop_id, wp.rank, (SELECT m.id FROM main.person m WHERE m.code = p.code),
    wp.present
  FROM src.workshop_participant wp JOIN src.person p ON p.id = wp.person_id
  WHERE NOT EXISTS (SELECT 1 FROM main.workshop x WHERE x.id = wp.workshop_id);
INSERT INTO main.workshop SELECT * FROM src.workshop w
  WHERE NOT EXISTS (SELECT 1 FROM main.workshop x WHERE x.id = w.id);
INSERT INTO main.worktime SELECT * FROM src.worktime t
  WHERE NOT EXISTS (SELECT 1 FROM main.worktime x WHERE x.id = t.id);

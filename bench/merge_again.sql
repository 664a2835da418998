-- The same merge again, as SQL run by the sqlite3 shell: the bound
-- bench/merge.sh sets beside "carnet merge" when nothing has changed. One
-- LEFT JOIN per source and kind of record finds what is new or not the same
-- version — every column compared, as two desks' versions compare (a
-- person by its code, a workshop's participants by theirs): here, nothing.
-- The source is attached as "src" (renamed by merge.sh).
SELECT count(*) FROM src.person p LEFT JOIN main.person m ON m.code = p.code
  WHERE p.deleted_at IS NULL AND (m.code IS NULL OR m.updated_at IS NOT p.updated_at
    OR m.age IS NOT p.age OR m.gender IS NOT p.gender OR m.area IS NOT p.area
    OR m.situation IS NOT p.situation OR m.equipment IS NOT p.equipment);
SELECT count(*) FROM src.visit v LEFT JOIN main.visit m ON m.id = v.id
  WHERE m.id IS NULL OR m.updated_at IS NOT v.updated_at OR m.date IS NOT v.date
    OR m.time IS NOT v.time OR m.duration IS NOT v.duration OR m.site IS NOT v.site
    OR m.mediator IS NOT v.mediator OR m.canal IS NOT v.canal OR m.demands IS NOT v.demands
    OR m.organisms IS NOT v.organisms OR m.posture IS NOT v.posture
    OR m.present IS NOT v.present OR m.outcome IS NOT v.outcome OR m.urgent IS NOT v.urgent
    OR m.referred_by IS NOT v.referred_by OR m.referred_to IS NOT v.referred_to
    OR m.referred_place IS NOT v.referred_place OR m.note IS NOT v.note
    OR m.created_at IS NOT v.created_at OR m.deleted_at IS NOT v.deleted_at
    OR m.referral_how IS NOT v.referral_how OR m.referral_place IS NOT v.referral_place
    OR m.referral_went IS NOT v.referral_went OR m.referral_answered IS NOT v.referral_answered
    OR (v.person_id IS NULL) <> (m.person_id IS NULL)
    OR (SELECT code FROM main.person WHERE id = m.person_id)
      IS NOT (SELECT code FROM src.person WHERE id = v.person_id);
SELECT count(*) FROM src.workshop w LEFT JOIN main.workshop m ON m.id = w.id
  WHERE m.id IS NULL OR m.updated_at IS NOT w.updated_at OR m.date IS NOT w.date
    OR m.time IS NOT w.time OR m.duration IS NOT w.duration OR m.site IS NOT w.site
    OR m.mediators IS NOT w.mediators OR m.title IS NOT w.title OR m.themes IS NOT w.themes
    OR m.level IS NOT w.level OR m.place IS NOT w.place OR m.registered IS NOT w.registered
    OR m.anonymous IS NOT w.anonymous OR m.anon_gender IS NOT w.anon_gender
    OR m.anon_age IS NOT w.anon_age OR m.anon_situation IS NOT w.anon_situation
    OR m.equipment IS NOT w.equipment OR m.note IS NOT w.note
    OR m.created_at IS NOT w.created_at OR m.deleted_at IS NOT w.deleted_at
    OR (SELECT group_concat(c, '|') FROM (SELECT p.code || ':' || wp.present AS c
        FROM main.workshop_participant wp JOIN main.person p ON p.id = wp.person_id
        WHERE wp.workshop_id = m.id ORDER BY wp.rank))
      IS NOT (SELECT group_concat(c, '|') FROM (SELECT p.code || ':' || wp.present AS c
        FROM src.workshop_participant wp JOIN src.person p ON p.id = wp.person_id
        WHERE wp.workshop_id = w.id ORDER BY wp.rank));
SELECT count(*) FROM src.worktime t LEFT JOIN main.worktime m ON m.id = t.id
  WHERE m.id IS NULL OR m.updated_at IS NOT t.updated_at OR m.date IS NOT t.date
    OR m.time IS NOT t.time OR m.duration IS NOT t.duration OR m.site IS NOT t.site
    OR m.mediator IS NOT t.mediator OR m.kind IS NOT t.kind OR m.note IS NOT t.note
    OR m.created_at IS NOT t.created_at OR m.deleted_at IS NOT t.deleted_at;

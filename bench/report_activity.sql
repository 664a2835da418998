-- The figures of sections 8 (Ateliers) and 9 (Temps de travail) of "carnet
-- report" and the workshops of its trend, as hand-written SQL run by the
-- sqlite3 shell after bench/report.sql on the same file (bench/report.sh).
-- Parameters: @from and @to (inclusive dates), set by the caller.
CREATE TEMP TABLE pw AS
  SELECT * FROM workshop WHERE date BETWEEN @from AND @to AND deleted_at IS NULL;
CREATE TEMP TABLE pwp AS
  SELECT p.* FROM workshop_participant p JOIN pw ON pw.id = p.workshop_id;
-- 8. Workshops: sessions, hours, participations, persons, anonymous, attendance
SELECT count(*), sum(duration), sum(anonymous) FROM pw;
SELECT sum(present), count(DISTINCT CASE WHEN present THEN person_id END) FROM pwp;
SELECT sum(w.registered), sum(w.anonymous + coalesce(n.present, 0))
  FROM pw w LEFT JOIN (SELECT workshop_id, sum(present) AS present FROM pwp GROUP BY 1) n
  ON n.workshop_id = w.id WHERE w.registered IS NOT NULL;
SELECT j.value, count(*) FROM pw,
  json_each('["' || replace(pw.themes, '|', '","') || '"]') j GROUP BY 1;
SELECT level, count(*) FROM pw GROUP BY 1;
SELECT place, count(*) FROM pw GROUP BY 1;
-- the public: the present persons' profiles, plus the anonymous counts
CREATE TEMP TABLE wp AS SELECT DISTINCT person_id AS id FROM pwp WHERE present;
SELECT age, count(*) FROM person WHERE id IN (SELECT id FROM wp) GROUP BY 1;
SELECT gender, count(*) FROM person WHERE id IN (SELECT id FROM wp) GROUP BY 1;
SELECT situation, count(*) FROM person WHERE id IN (SELECT id FROM wp) GROUP BY 1;
SELECT area, count(*) FROM person WHERE id IN (SELECT id FROM wp) GROUP BY 1;
SELECT j.value, count(*) FROM person p,
  json_each('["' || replace(p.equipment, '|', '","') || '"]') j
  WHERE p.id IN (SELECT id FROM wp) AND p.equipment IS NOT NULL GROUP BY 1;
SELECT substr(j.value, 1, instr(j.value, '=') - 1),
  sum(CAST(substr(j.value, instr(j.value, '=') + 1) AS INTEGER)) FROM pw,
  json_each('["' || replace(pw.anon_gender, '|', '","') || '"]') j
  WHERE pw.anon_gender IS NOT NULL GROUP BY 1;
SELECT substr(j.value, 1, instr(j.value, '=') - 1),
  sum(CAST(substr(j.value, instr(j.value, '=') + 1) AS INTEGER)) FROM pw,
  json_each('["' || replace(pw.anon_age, '|', '","') || '"]') j
  WHERE pw.anon_age IS NOT NULL GROUP BY 1;
SELECT substr(j.value, 1, instr(j.value, '=') - 1),
  sum(CAST(substr(j.value, instr(j.value, '=') + 1) AS INTEGER)) FROM pw,
  json_each('["' || replace(pw.anon_situation, '|', '","') || '"]') j
  WHERE pw.anon_situation IS NOT NULL GROUP BY 1;
-- 9. Working time: workshops count once per mediator who led them
SELECT sum(pw.duration * (CASE WHEN pw.mediators IS NULL THEN 1
  ELSE length(pw.mediators) - length(replace(pw.mediators, '|', '')) + 1 END)) FROM pw;
SELECT kind, sum(duration) FROM worktime
  WHERE date BETWEEN @from AND @to AND deleted_at IS NULL GROUP BY 1;
-- the trend: workshops of the last twelve months
SELECT substr(date, 1, 7), count(*) FROM workshop
  WHERE date BETWEEN date(@to, 'start of month', '-11 months') AND @to
  AND deleted_at IS NULL GROUP BY 1;

-- The figures of "carnet report" for one period, as hand-written SQL queries
-- run by the sqlite3 shell on the same file: the yardstick of bench/report.sh.
-- Parameters: @from and @to (inclusive dates), set by the caller.
CREATE TEMP TABLE pv AS
  SELECT * FROM visit WHERE date BETWEEN @from AND @to AND deleted_at IS NULL;
-- 1. Volume
SELECT count(*), count(DISTINCT person_id), sum(duration), avg(duration) FROM pv;
SELECT avg(duration) FROM (SELECT duration FROM pv ORDER BY duration
  LIMIT 2 - (SELECT count(*) FROM pv) % 2 OFFSET ((SELECT count(*) FROM pv) - 1) / 2);
SELECT sum(duration < 15), sum(duration BETWEEN 15 AND 29), sum(duration BETWEEN 30 AND 59),
  sum(duration BETWEEN 60 AND 120), sum(duration > 120), sum(present = 0), sum(urgent)
  FROM pv;
SELECT canal, count(*) FROM pv GROUP BY 1;
SELECT strftime('%w', date), count(*) FROM pv GROUP BY 1;
SELECT substr(date, 1, 7), count(*) FROM visit
  WHERE date BETWEEN date(@to, 'start of month', '-11 months') AND @to
  AND deleted_at IS NULL GROUP BY 1;
-- 2. Demands and organisms (codes joined by '|'), 3. posture by each
CREATE TEMP TABLE pd AS
  SELECT j.value AS code, pv.posture FROM pv,
  json_each('["' || replace(pv.demands, '|', '","') || '"]') j WHERE pv.demands IS NOT NULL;
CREATE TEMP TABLE po AS
  SELECT j.value AS code, pv.posture FROM pv,
  json_each('["' || replace(pv.organisms, '|', '","') || '"]') j WHERE pv.organisms IS NOT NULL;
SELECT code, count(*) FROM pd GROUP BY 1;
SELECT code, count(*) FROM po GROUP BY 1;
SELECT count(*) FROM pv WHERE organisms IS NULL;
SELECT code, posture, count(*) FROM pd GROUP BY 1, 2;
SELECT code, posture, count(*) FROM po GROUP BY 1, 2;
SELECT posture, count(*) FROM pv GROUP BY 1;
-- 4. Outcomes and urgent visits, 6. referrals
SELECT outcome, count(*) FROM pv GROUP BY 1;
SELECT outcome, count(*) FROM pv WHERE urgent GROUP BY 1;
SELECT referred_by, count(*) FROM pv GROUP BY 1;
SELECT referred_to, count(*) FROM pv GROUP BY 1;
-- 5. Autonomy: first and latest posture of returning persons, posture by rank
CREATE TEMP TABLE pp AS SELECT DISTINCT person_id AS id FROM pv WHERE person_id IS NOT NULL;
CREATE TEMP TABLE h AS
  SELECT v.person_id, v.date, v.posture,
    row_number() OVER (PARTITION BY v.person_id ORDER BY v.date, v.time, v.created_at, v.id) AS rank,
    count(*) OVER (PARTITION BY v.person_id) AS n
  FROM visit v WHERE v.person_id IN (SELECT id FROM pp) AND v.deleted_at IS NULL
  AND v.date <= @to;
SELECT count(*) FROM h WHERE rank = 1 AND date >= @from;
CREATE TEMP TABLE lv (posture TEXT PRIMARY KEY, level INTEGER);
INSERT INTO lv VALUES ('pour', 1), ('devant', 2), ('avec', 3), ('faire', 4);
SELECT sum(ll.level > fl.level), sum(ll.level = fl.level), sum(ll.level < fl.level)
  FROM h f JOIN h l ON l.person_id = f.person_id AND l.rank = l.n
  JOIN lv fl ON fl.posture = f.posture JOIN lv ll ON ll.posture = l.posture
  WHERE f.rank = 1 AND f.n >= 2;
SELECT min(rank, 4), posture, count(*) FROM h WHERE date >= @from GROUP BY 1, 2;
-- 7. Public, as shares of distinct persons
SELECT age, count(*) FROM person WHERE id IN (SELECT id FROM pp) GROUP BY 1;
SELECT gender, count(*) FROM person WHERE id IN (SELECT id FROM pp) GROUP BY 1;
SELECT area, count(*) FROM person WHERE id IN (SELECT id FROM pp) GROUP BY 1;
SELECT situation, count(*) FROM person WHERE id IN (SELECT id FROM pp) GROUP BY 1;
SELECT j.value, count(*) FROM person p,
  json_each('["' || replace(p.equipment, '|', '","') || '"]') j
  WHERE p.id IN (SELECT id FROM pp) AND p.equipment IS NOT NULL GROUP BY 1;

-- SPDX-License-Identifier: GPL-3.0-or-later
-- import_bound.sql: the bound of "carnet import" for bench/exchange.sh — what
-- the sqlite3 shell itself does with the same file: .import of the export
-- (version 1: visits and their persons) into a temporary table, then the
-- same person and visit rows carnet stores (the spreadsheet guard taken off
-- the texts, empty values as NULL, numbers as integers), into an empty
-- carnet database whose visits' secondary indexes are dropped during the
-- load and built again at the end, in one transaction, with a page cache
-- of the size of carnet's bulk commands. No validation, no code lists, no
-- versions compared: the rows are taken as they are.
--
-- The visits' secondary indexes are those of the empty database, whatever
-- they are (written to index_drop.sql and index_make.sql beside the file).
--
--   cd DIR_OF_export.csv && sqlite3 EMPTY_CARNET_DB < import_bound.sql
.headers off
.mode list
.output index_drop.sql
SELECT 'DROP INDEX ' || name || ';' FROM sqlite_schema
  WHERE type = 'index' AND tbl_name = 'visit' AND sql IS NOT NULL;
.output index_make.sql
SELECT sql || ';' FROM sqlite_schema
  WHERE type = 'index' AND tbl_name = 'visit' AND sql IS NOT NULL;
.output stdout
PRAGMA cache_size = -49152;
BEGIN;
.read index_drop.sql
.import --csv --schema temp export.csv x
-- A text written by carnet export starts with an apostrophe only when the
-- guard put it there.
CREATE TEMP VIEW y AS SELECT
  id, date, heure, duree, present, urgent, cree, modifie, supprime, usager_id, usager_cree,
  usager_modifie,
  nullif(CASE WHEN site LIKE '''%' THEN substr(site, 2) ELSE site END, '') AS site,
  nullif(CASE WHEN mediateur LIKE '''%' THEN substr(mediateur, 2) ELSE mediateur END, '')
    AS mediateur,
  nullif(CASE WHEN canal LIKE '''%' THEN substr(canal, 2) ELSE canal END, '') AS canal,
  nullif(CASE WHEN demandes LIKE '''%' THEN substr(demandes, 2) ELSE demandes END, '')
    AS demandes,
  nullif(CASE WHEN organismes LIKE '''%' THEN substr(organismes, 2) ELSE organismes END, '')
    AS organismes,
  nullif(CASE WHEN posture LIKE '''%' THEN substr(posture, 2) ELSE posture END, '') AS posture,
  nullif(CASE WHEN issue LIKE '''%' THEN substr(issue, 2) ELSE issue END, '') AS issue,
  nullif(CASE WHEN oriente_par LIKE '''%' THEN substr(oriente_par, 2) ELSE oriente_par END, '')
    AS oriente_par,
  nullif(CASE WHEN oriente_vers LIKE '''%' THEN substr(oriente_vers, 2) ELSE oriente_vers END,
    '') AS oriente_vers,
  nullif(CASE WHEN lieu_orientation LIKE '''%' THEN substr(lieu_orientation, 2)
    ELSE lieu_orientation END, '') AS lieu_orientation,
  nullif(CASE WHEN note LIKE '''%' THEN substr(note, 2) ELSE note END, '') AS note,
  nullif(CASE WHEN usager LIKE '''%' THEN substr(usager, 2) ELSE usager END, '') AS usager,
  nullif(CASE WHEN tranche_age LIKE '''%' THEN substr(tranche_age, 2) ELSE tranche_age END, '')
    AS tranche_age,
  nullif(CASE WHEN genre LIKE '''%' THEN substr(genre, 2) ELSE genre END, '') AS genre,
  nullif(CASE WHEN quartier LIKE '''%' THEN substr(quartier, 2) ELSE quartier END, '')
    AS quartier,
  nullif(CASE WHEN situation LIKE '''%' THEN substr(situation, 2) ELSE situation END, '')
    AS situation,
  nullif(CASE WHEN equipement LIKE '''%' THEN substr(equipement, 2) ELSE equipement END, '')
    AS equipement
FROM temp.x;
-- Each person once, as their rows carry them.
INSERT INTO person (id, code, age, gender, area, situation, created_at, updated_at, deleted_at,
                    equipment)
  SELECT usager_id, usager, tranche_age, genre, quartier, situation, usager_cree,
         usager_modifie, NULL, equipement
  FROM y WHERE usager_id <> '' GROUP BY usager_id;
INSERT INTO visit (id, date, time, duration, site, mediator, canal, posture, present, outcome,
                   urgent, referred_by, referred_to, referred_place, person_id, note,
                   created_at, updated_at, deleted_at, demands, organisms)
  SELECT id, date, heure, CAST(duree AS INTEGER), site, mediateur, canal, posture,
         CAST(present AS INTEGER), issue, CAST(urgent AS INTEGER), oriente_par, oriente_vers,
         lieu_orientation, nullif(usager_id, ''), note, cree, modifie, nullif(supprime, ''),
         demandes, organismes
  FROM y;
.read index_make.sql
COMMIT;

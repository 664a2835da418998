-- The same merge again, as SQL run by the sqlite3 shell: the bound
-- bench/merge.sh sets beside "carnet merge" when nothing has changed. One
-- LEFT JOIN per kind of record finds what is new or of another version
-- (here: nothing); the source is attached as "src" (renamed by merge.sh).
SELECT count(*) FROM src.person p LEFT JOIN main.person m ON m.code = p.code
  WHERE m.code IS NULL OR m.updated_at IS NOT p.updated_at;
SELECT count(*) FROM src.visit v LEFT JOIN main.visit m ON m.id = v.id
  WHERE m.id IS NULL OR m.updated_at IS NOT v.updated_at;
SELECT count(*) FROM src.workshop w LEFT JOIN main.workshop m ON m.id = w.id
  WHERE m.id IS NULL OR m.updated_at IS NOT w.updated_at;
SELECT count(*) FROM src.worktime t LEFT JOIN main.worktime m ON m.id = t.id
  WHERE m.id IS NULL OR m.updated_at IS NOT t.updated_at;

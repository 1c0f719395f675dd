-- The dashboard's last two scans (issue 14), turned into counters so that a
-- 365-day read costs a few hundred rows whatever the head count:
--
-- 1. Active ambassadors over any range of up to 366 days. An employee is
--    active in [from, to] once: on their first share day in it, the
--    programme_sharer_days row whose previous share day is before `from`. For
--    a row on day d with gap g = d - previous_day (none: infinite), that is
--    g > d - from. So each day keeps `sharers_by_gap[k + 1]`: its sharer rows
--    with a gap over k, for k = 0 … 365, and a range sums
--    sharers_by_gap[d - from + 1] over its days.
-- 2. Head counts per team (everyone not deactivated, and those opted in),
--    moved by a trigger on employees whoever writes them.

ALTER TABLE programme_day_totals ADD COLUMN sharers_by_gap integer[];

WITH gaps AS (
  SELECT organisation_id, day, least(coalesce(day - previous_day, 367), 367) AS gap, count(*)::int AS n
    FROM programme_sharer_days GROUP BY 1, 2, 3
), by_threshold AS (
  SELECT g.organisation_id, g.day, k, coalesce(sum(g.n) FILTER (WHERE g.gap > k - 1), 0)::int AS n
    FROM gaps g CROSS JOIN generate_series(1, 366) AS k
   GROUP BY 1, 2, 3
)
UPDATE programme_day_totals t SET sharers_by_gap = a.counts
  FROM (SELECT organisation_id, day, array_agg(n ORDER BY k) AS counts FROM by_threshold GROUP BY 1, 2) a
 WHERE t.organisation_id = a.organisation_id AND t.day = a.day;

-- The same per team (the sharer's team on the day), for the by-team breakdown.
CREATE TABLE programme_team_days (
  organisation_id  uuid      NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day              date      NOT NULL,
  team_key         uuid      NOT NULL,
  sharers_by_gap   integer[] NOT NULL,
  PRIMARY KEY (organisation_id, day, team_key)
);

WITH gaps AS (
  SELECT organisation_id, day, team_key, least(coalesce(day - previous_day, 367), 367) AS gap, count(*)::int AS n
    FROM programme_sharer_days GROUP BY 1, 2, 3, 4
), by_threshold AS (
  SELECT g.organisation_id, g.day, g.team_key, k, coalesce(sum(g.n) FILTER (WHERE g.gap > k - 1), 0)::int AS n
    FROM gaps g CROSS JOIN generate_series(1, 366) AS k
   GROUP BY 1, 2, 3, 4
)
INSERT INTO programme_team_days (organisation_id, day, team_key, sharers_by_gap)
SELECT organisation_id, day, team_key, array_agg(n ORDER BY k) FROM by_threshold GROUP BY 1, 2, 3;

CREATE TABLE programme_headcounts (
  organisation_id  uuid    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- The team, or 00000000-0000-0000-0000-000000000000 for employees without one.
  team_key         uuid    NOT NULL,
  employees        integer NOT NULL DEFAULT 0,
  opted_in         integer NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, team_key)
);

INSERT INTO programme_headcounts (organisation_id, team_key, employees, opted_in)
SELECT organisation_id, coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid), count(*), count(*) FILTER (WHERE leaderboard_opt_in)
  FROM employees WHERE deactivated_at IS NULL GROUP BY 1, 2;

CREATE FUNCTION programme_headcounts_follow() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deactivated_at IS NULL THEN
    UPDATE programme_headcounts SET employees = employees - 1, opted_in = opted_in - OLD.leaderboard_opt_in::int
     WHERE organisation_id = OLD.organisation_id AND team_key = coalesce(OLD.team_id, '00000000-0000-0000-0000-000000000000'::uuid);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deactivated_at IS NULL THEN
    INSERT INTO programme_headcounts (organisation_id, team_key, employees, opted_in)
    VALUES (NEW.organisation_id, coalesce(NEW.team_id, '00000000-0000-0000-0000-000000000000'::uuid), 1, NEW.leaderboard_opt_in::int)
    ON CONFLICT (organisation_id, team_key) DO UPDATE
      SET employees = programme_headcounts.employees + 1, opted_in = programme_headcounts.opted_in + EXCLUDED.opted_in;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER programme_headcounts_follow AFTER INSERT OR DELETE ON employees
  FOR EACH ROW EXECUTE FUNCTION programme_headcounts_follow();
-- Only a real change moves the counters (a sign-in that rewrites the same team locks nothing).
CREATE TRIGGER programme_headcounts_follow_change AFTER UPDATE OF team_id, leaderboard_opt_in, deactivated_at ON employees
  FOR EACH ROW WHEN (OLD.team_id IS DISTINCT FROM NEW.team_id OR OLD.leaderboard_opt_in IS DISTINCT FROM NEW.leaderboard_opt_in
                     OR (OLD.deactivated_at IS NULL) <> (NEW.deactivated_at IS NULL))
  EXECUTE FUNCTION programme_headcounts_follow();

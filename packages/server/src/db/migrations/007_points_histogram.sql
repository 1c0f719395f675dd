-- How many listed employees have each points total, per organisation, period
-- and team (and for all teams together, under the nil uuid). A caller's rank
-- is one plus the employees above them: a sum over the distinct totals above,
-- a few hundred rows, instead of a count over every employee above.
-- Kept in step by a trigger on `points`, whoever writes it.
CREATE TABLE points_histogram (
  organisation_id  uuid    NOT NULL,
  period_kind      text    NOT NULL,
  period_start     date    NOT NULL,
  team_key         uuid    NOT NULL,
  points           bigint  NOT NULL,
  employees        integer NOT NULL,
  PRIMARY KEY (organisation_id, period_kind, period_start, team_key, points)
);

CREATE FUNCTION points_histogram_add(org uuid, kind text, start date, team uuid, total bigint, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO points_histogram AS h (organisation_id, period_kind, period_start, team_key, points, employees)
  VALUES (org, kind, start, '00000000-0000-0000-0000-000000000000', total, delta)
  ON CONFLICT (organisation_id, period_kind, period_start, team_key, points) DO UPDATE SET employees = h.employees + delta;
  IF team IS NOT NULL THEN
    INSERT INTO points_histogram AS h (organisation_id, period_kind, period_start, team_key, points, employees)
    VALUES (org, kind, start, team, total, delta)
    ON CONFLICT (organisation_id, period_kind, period_start, team_key, points) DO UPDATE SET employees = h.employees + delta;
  END IF;
END $$;

CREATE FUNCTION points_histogram_move() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.points = NEW.points AND OLD.listed = NEW.listed AND OLD.team_id IS NOT DISTINCT FROM NEW.team_id THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.listed AND OLD.points > 0 THEN
    PERFORM points_histogram_add(OLD.organisation_id, OLD.period_kind, OLD.period_start, OLD.team_id, OLD.points, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.listed AND NEW.points > 0 THEN
    PERFORM points_histogram_add(NEW.organisation_id, NEW.period_kind, NEW.period_start, NEW.team_id, NEW.points, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER points_histogram_move AFTER INSERT OR UPDATE OR DELETE ON points
  FOR EACH ROW EXECUTE FUNCTION points_histogram_move();

INSERT INTO points_histogram (organisation_id, period_kind, period_start, team_key, points, employees)
SELECT organisation_id, period_kind, period_start, '00000000-0000-0000-0000-000000000000', points, count(*)
  FROM points WHERE listed AND points > 0 GROUP BY 1, 2, 3, 5
UNION ALL
SELECT organisation_id, period_kind, period_start, team_id, points, count(*)
  FROM points WHERE listed AND points > 0 AND team_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;

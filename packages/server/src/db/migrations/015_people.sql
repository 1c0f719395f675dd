-- People (issue 14): leavers deactivated, personal data erased on request
-- (GDPR Art. 17), and each employee's shares and credited readers per day,
-- so the people list counts any range without scanning clicks.

ALTER TABLE employees
  ADD COLUMN deactivated_at timestamptz,
  -- Set once their personal data is erased; the row stays, anonymous, for the programme's figures.
  ADD COLUMN erased_at      timestamptz;

-- The people list: newest first by first sign-in, keyset on (created_at, id).
CREATE INDEX employees_by_first_seen ON employees (organisation_id, created_at DESC, id DESC);

-- A deactivated employee is on no leaderboard whatever their opt-in: a
-- counter row of theirs is never listed, whoever writes it (new counters,
-- opt-in or team changes). Only rows becoming listed pay the lookup.
CREATE FUNCTION points_unlist_deactivated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.listed AND (TG_OP = 'INSERT' OR NOT OLD.listed) AND EXISTS (
       SELECT 1 FROM employees
        WHERE organisation_id = NEW.organisation_id AND id = NEW.employee_id AND deactivated_at IS NOT NULL) THEN
    NEW.listed := false;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER points_unlist_deactivated BEFORE INSERT OR UPDATE OF listed ON points
  FOR EACH ROW EXECUTE FUNCTION points_unlist_deactivated();

-- Shares made and credited readers per employee and UTC day, moved by
-- triggers as shares and clicks are inserted (whoever inserts them), and
-- kept when raw clicks pass their retention.
CREATE TABLE employee_days (
  organisation_id  uuid   NOT NULL,
  employee_id      uuid   NOT NULL,
  day              date   NOT NULL,
  shares           bigint NOT NULL DEFAULT 0,
  readers          bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, employee_id, day),
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);

CREATE FUNCTION employee_days_add_share() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO employee_days AS d (organisation_id, employee_id, day, shares)
  VALUES (NEW.organisation_id, NEW.employee_id, (NEW.created_at AT TIME ZONE 'UTC')::date, 1)
  ON CONFLICT (organisation_id, employee_id, day) DO UPDATE SET shares = d.shares + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER employee_days_add_share AFTER INSERT ON shares
  FOR EACH ROW EXECUTE FUNCTION employee_days_add_share();

-- Once per inserted batch of clicks (a statement), in key order so two batches never wait on each other in a cycle.
CREATE FUNCTION employee_days_add_readers() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO employee_days AS d (organisation_id, employee_id, day, readers)
  SELECT s.organisation_id, s.employee_id, (c.occurred_at AT TIME ZONE 'UTC')::date AS day, count(*)
    FROM inserted_clicks c JOIN shares s ON s.id = c.share_id
   WHERE c.credited
   GROUP BY 1, 2, 3
   ORDER BY 1, 2, 3
  ON CONFLICT (organisation_id, employee_id, day) DO UPDATE SET readers = d.readers + EXCLUDED.readers;
  RETURN NULL;
END $$;

CREATE TRIGGER employee_days_add_readers AFTER INSERT ON clicks
  REFERENCING NEW TABLE AS inserted_clicks
  FOR EACH STATEMENT EXECUTE FUNCTION employee_days_add_readers();

INSERT INTO employee_days (organisation_id, employee_id, day, shares, readers)
SELECT organisation_id, employee_id, day, sum(shares), sum(readers)
  FROM (SELECT organisation_id, employee_id, (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS shares, 0 AS readers
          FROM shares GROUP BY 1, 2, 3
        UNION ALL
        SELECT s.organisation_id, s.employee_id, (c.occurred_at AT TIME ZONE 'UTC')::date, 0, count(*)
          FROM clicks c JOIN shares s ON s.id = c.share_id
         WHERE c.credited GROUP BY 1, 2, 3) figures
 GROUP BY 1, 2, 3;

-- Raw clicks are kept for a retention period each organisation sets (13
-- months by default); after it only the counters (points, daily_stats) remain.
-- `clicks` is partitioned by month so that a month past every organisation's
-- retention is dropped whole rather than deleted row by row
-- (domain/click-partitions.ts, run at start and daily; docs/scaling.md).

ALTER TABLE organisations
  ADD COLUMN click_retention_months integer NOT NULL DEFAULT 13 CHECK (click_retention_months BETWEEN 1 AND 120);

ALTER TABLE clicks RENAME TO clicks_unpartitioned;

-- LIKE keeps every column in order, with its default, checks and identity, whichever migration added it.
CREATE TABLE clicks (LIKE clicks_unpartitioned INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING IDENTITY)
  PARTITION BY RANGE (occurred_at);

-- The safety net: a click in a month not created yet lands here, and is moved out when its month is created.
CREATE TABLE clicks_default PARTITION OF clicks DEFAULT;

-- clicks_YYYY_MM holds one UTC month, from the oldest click to two months ahead.
DO $$
DECLARE
  month timestamp := date_trunc('month', coalesce((SELECT min(occurred_at) FROM clicks_unpartitioned), now()) AT TIME ZONE 'UTC');
  last  timestamp := date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months';
BEGIN
  WHILE month <= last LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF clicks FOR VALUES FROM (%L) TO (%L)',
                   'clicks_' || to_char(month, 'YYYY_MM'),
                   to_char(month, 'YYYY-MM-DD"T00:00:00Z"'),
                   to_char(month + interval '1 month', 'YYYY-MM-DD"T00:00:00Z"'));
    month := month + interval '1 month';
  END LOOP;
END $$;

INSERT INTO clicks OVERRIDING SYSTEM VALUE SELECT * FROM clicks_unpartitioned;
SELECT setval(pg_get_serial_sequence('clicks', 'id'), coalesce((SELECT max(id) FROM clicks), 0) + 1, false);
DROP TABLE clicks_unpartitioned;

-- A partitioned table's unique keys hold its partition key (011's click id key already does).
ALTER TABLE clicks ADD PRIMARY KEY (id, occurred_at);
ALTER TABLE clicks ADD CONSTRAINT clicks_click_id_key UNIQUE (click_id, occurred_at);
ALTER TABLE clicks ADD FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;
ALTER TABLE clicks ADD FOREIGN KEY (share_id) REFERENCES shares (id) ON DELETE CASCADE;
CREATE INDEX clicks_by_time ON clicks (organisation_id, occurred_at);

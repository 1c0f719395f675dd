-- The programme dashboard's counters (GET /v1/admin/stats,
-- docs/programme-figures.md), moved with each share and each recorded click
-- in the same transaction, under the organisation's counter lock
-- (domain/programme-aggregates.ts), so a read over a year never scans raw
-- clicks. Team is the sharer's team when the event happened (the nil uuid:
-- no team); campaign is the content's then ('' : no campaign).

-- Per UTC day × team × network × campaign. Uncredited visits keep every reason
-- apart; the API groups them (bots = bot + head, repeats = repeat +
-- repeat-network + burst).
CREATE TABLE programme_daily (
  organisation_id      uuid    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day                  date    NOT NULL,
  team_key             uuid    NOT NULL,
  network              text    NOT NULL,
  campaign             text    NOT NULL,
  shares               bigint  NOT NULL DEFAULT 0,
  credited             bigint  NOT NULL DEFAULT 0,
  uncredited_bot       bigint  NOT NULL DEFAULT 0,
  uncredited_head      bigint  NOT NULL DEFAULT 0,
  uncredited_preview   bigint  NOT NULL DEFAULT 0,
  uncredited_self      bigint  NOT NULL DEFAULT 0,
  uncredited_repeat    bigint  NOT NULL DEFAULT 0,
  uncredited_repeat_network bigint NOT NULL DEFAULT 0,
  uncredited_burst     bigint  NOT NULL DEFAULT 0,
  estimated_reach      bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, day, team_key, network, campaign)
);

-- The same counters per UTC day alone (programme_daily summed over team,
-- network and campaign): a year's KPIs and day rows are 365 rows.
CREATE TABLE programme_day_totals (LIKE programme_daily INCLUDING DEFAULTS);
ALTER TABLE programme_day_totals DROP COLUMN team_key, DROP COLUMN network, DROP COLUMN campaign;
-- `sharers`: employees with a share that day (their programme_sharer_days rows), so day rows need no scan of those.
ALTER TABLE programme_day_totals ADD COLUMN sharers bigint NOT NULL DEFAULT 0;
ALTER TABLE programme_day_totals ADD PRIMARY KEY (organisation_id, day);
ALTER TABLE programme_day_totals ADD FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE;

-- Per UTC day × content, for the top content.
CREATE TABLE programme_content_daily (
  organisation_id  uuid    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day              date    NOT NULL,
  content_id       uuid    NOT NULL,
  shares           bigint  NOT NULL DEFAULT 0,
  credited         bigint  NOT NULL DEFAULT 0,
  uncredited       bigint  NOT NULL DEFAULT 0,
  estimated_reach  bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, day, content_id)
);

-- One row per employee and UTC day with a share: who was active (and in which
-- team), the networks shared to that day and the reach they added (each
-- network once a day, within the per-employee cap). `previous_day` is the
-- employee's share day before this one, so "employees active in [from, to]"
-- is a plain count of the range's rows whose previous day is before `from`:
-- an index-only range scan, no DISTINCT over a year of rows.
CREATE TABLE programme_sharer_days (
  organisation_id  uuid    NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day              date    NOT NULL,
  employee_id      uuid    NOT NULL,
  team_key         uuid    NOT NULL,
  previous_day     date,
  networks         text[]  NOT NULL DEFAULT '{}',
  reach            bigint  NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, day, employee_id)
);
CREATE INDEX programme_sharer_days_range ON programme_sharer_days (organisation_id, day) INCLUDE (previous_day, team_key);
CREATE INDEX programme_sharer_days_by_employee ON programme_sharer_days (organisation_id, employee_id, day);

-- Earned media: the organisation's own cost per click and per thousand impressions (null: not set).
ALTER TABLE organisations
  ADD COLUMN earned_media_currency text CHECK (earned_media_currency ~ '^[A-Z]{3}$'),
  ADD COLUMN earned_media_cpc      numeric(12, 4) CHECK (earned_media_cpc >= 0),
  ADD COLUMN earned_media_cpm      numeric(12, 4) CHECK (earned_media_cpm >= 0),
  ADD CONSTRAINT organisations_earned_media_whole CHECK (
    (earned_media_currency IS NULL) = (earned_media_cpc IS NULL) AND (earned_media_cpc IS NULL) = (earned_media_cpm IS NULL));

-- Backfill from the raw rows still kept: teams and campaigns as they are now
-- (the past ones were never recorded), reach from the audiences declared now.
INSERT INTO programme_sharer_days (organisation_id, day, employee_id, team_key, networks)
SELECT s.organisation_id, (s.created_at AT TIME ZONE 'UTC')::date, s.employee_id,
       coalesce(e.team_id, '00000000-0000-0000-0000-000000000000'), array_agg(DISTINCT s.network ORDER BY s.network)
  FROM shares s JOIN employees e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id
 GROUP BY 1, 2, 3, 4;

UPDATE programme_sharer_days d SET previous_day = p.previous_day
  FROM (SELECT organisation_id, day, employee_id,
               lag(day) OVER (PARTITION BY organisation_id, employee_id ORDER BY day) AS previous_day
          FROM programme_sharer_days) p
 WHERE p.organisation_id = d.organisation_id AND p.day = d.day AND p.employee_id = d.employee_id AND p.previous_day IS NOT NULL;

INSERT INTO programme_daily (organisation_id, day, team_key, network, campaign, shares)
SELECT s.organisation_id, (s.created_at AT TIME ZONE 'UTC')::date, coalesce(e.team_id, '00000000-0000-0000-0000-000000000000'), s.network, coalesce(c.campaign, ''), count(*)
  FROM shares s
  JOIN employees e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id
  JOIN content c ON c.organisation_id = s.organisation_id AND c.id = s.content_id
 GROUP BY 1, 2, 3, 4, 5;

INSERT INTO programme_content_daily (organisation_id, day, content_id, shares)
SELECT organisation_id, (created_at AT TIME ZONE 'UTC')::date, content_id, count(*) FROM shares GROUP BY 1, 2, 3;

-- Reach as the share path adds it: each employee × network once a UTC day, its
-- declared audience within the network's cap (NETWORK_AUDIENCE_CAPS), networks
-- in the order they were first shared to that day until the employee's cap is
-- reached, filed under the campaign and content of that first share.
CREATE TEMP TABLE backfilled_reach ON COMMIT DROP AS
WITH caps (network, cap) AS (
  VALUES ('linkedin', 30000), ('x', 100000), ('facebook', 5000), ('whatsapp', 1024), ('bluesky', 100000),
         ('mastodon', 100000), ('threads', 100000), ('telegram', 200000), ('teams', 25000), ('email', 500)),
firsts AS (
  SELECT DISTINCT ON (s.organisation_id, (s.created_at AT TIME ZONE 'UTC')::date, s.employee_id, s.network)
         s.organisation_id, (s.created_at AT TIME ZONE 'UTC')::date AS day, s.employee_id, s.network, s.content_id, s.created_at, s.id
    FROM shares s
   ORDER BY s.organisation_id, (s.created_at AT TIME ZONE 'UTC')::date, s.employee_id, s.network, s.created_at, s.id),
declared AS (
  SELECT f.*, coalesce(c.campaign, '') AS campaign, o.reach_cap_per_employee AS employee_cap,
         least(CASE WHEN jsonb_typeof(e.audience -> f.network) = 'number' THEN greatest(floor((e.audience ->> f.network)::numeric), 0) ELSE 0 END, caps.cap)::bigint AS reach
    FROM firsts f
    JOIN employees e ON e.organisation_id = f.organisation_id AND e.id = f.employee_id
    JOIN content c ON c.organisation_id = f.organisation_id AND c.id = f.content_id
    JOIN organisations o ON o.id = f.organisation_id
    JOIN caps ON caps.network = f.network),
running AS (
  SELECT d.*, sum(d.reach) OVER (PARTITION BY d.organisation_id, d.day, d.employee_id ORDER BY d.created_at, d.id) - d.reach AS before
    FROM declared d)
SELECT r.organisation_id, r.day, r.employee_id, r.network, r.content_id, r.campaign, sd.team_key,
       greatest(0, least(r.reach, r.employee_cap - r.before)) AS reach
  FROM running r
  JOIN programme_sharer_days sd ON sd.organisation_id = r.organisation_id AND sd.day = r.day AND sd.employee_id = r.employee_id;

UPDATE programme_sharer_days d SET reach = t.total
  FROM (SELECT organisation_id, day, employee_id, sum(reach) AS total FROM backfilled_reach GROUP BY 1, 2, 3) t
 WHERE t.organisation_id = d.organisation_id AND t.day = d.day AND t.employee_id = d.employee_id;

INSERT INTO programme_daily AS p (organisation_id, day, team_key, network, campaign, estimated_reach)
SELECT organisation_id, day, team_key, network, campaign, sum(reach) FROM backfilled_reach GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE SET estimated_reach = EXCLUDED.estimated_reach;

INSERT INTO programme_content_daily AS p (organisation_id, day, content_id, estimated_reach)
SELECT organisation_id, day, content_id, sum(reach) FROM backfilled_reach GROUP BY 1, 2, 3
ON CONFLICT (organisation_id, day, content_id) DO UPDATE SET estimated_reach = EXCLUDED.estimated_reach;

INSERT INTO programme_daily AS p (organisation_id, day, team_key, network, campaign, credited, uncredited_bot, uncredited_head, uncredited_preview,
                                  uncredited_self, uncredited_repeat, uncredited_repeat_network, uncredited_burst)
SELECT k.organisation_id, (k.occurred_at AT TIME ZONE 'UTC')::date, coalesce(e.team_id, '00000000-0000-0000-0000-000000000000'), s.network, coalesce(c.campaign, ''),
       count(*) FILTER (WHERE k.credited),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'bot'),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'head'),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'preview'),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'self'),
       count(*) FILTER (WHERE NOT k.credited AND (k.reason = 'repeat' OR k.reason IS NULL)),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'repeat-network'),
       count(*) FILTER (WHERE NOT k.credited AND k.reason = 'burst')
  FROM clicks k
  JOIN shares s ON s.id = k.share_id
  JOIN employees e ON e.organisation_id = s.organisation_id AND e.id = s.employee_id
  JOIN content c ON c.organisation_id = s.organisation_id AND c.id = s.content_id
 GROUP BY 1, 2, 3, 4, 5
ON CONFLICT (organisation_id, day, team_key, network, campaign) DO UPDATE
  SET credited = EXCLUDED.credited, uncredited_bot = EXCLUDED.uncredited_bot, uncredited_head = EXCLUDED.uncredited_head,
      uncredited_preview = EXCLUDED.uncredited_preview, uncredited_self = EXCLUDED.uncredited_self, uncredited_repeat = EXCLUDED.uncredited_repeat,
      uncredited_repeat_network = EXCLUDED.uncredited_repeat_network, uncredited_burst = EXCLUDED.uncredited_burst;

INSERT INTO programme_content_daily AS p (organisation_id, day, content_id, credited, uncredited)
SELECT k.organisation_id, (k.occurred_at AT TIME ZONE 'UTC')::date, s.content_id, count(*) FILTER (WHERE k.credited), count(*) FILTER (WHERE NOT k.credited)
  FROM clicks k JOIN shares s ON s.id = k.share_id
 GROUP BY 1, 2, 3
ON CONFLICT (organisation_id, day, content_id) DO UPDATE SET credited = EXCLUDED.credited, uncredited = EXCLUDED.uncredited;

INSERT INTO programme_day_totals (organisation_id, day, shares, credited, uncredited_bot, uncredited_head, uncredited_preview, uncredited_self,
                                  uncredited_repeat, uncredited_repeat_network, uncredited_burst, estimated_reach)
SELECT organisation_id, day, sum(shares), sum(credited), sum(uncredited_bot), sum(uncredited_head), sum(uncredited_preview), sum(uncredited_self),
       sum(uncredited_repeat), sum(uncredited_repeat_network), sum(uncredited_burst), sum(estimated_reach)
  FROM programme_daily GROUP BY 1, 2;

UPDATE programme_day_totals t SET sharers = d.n
  FROM (SELECT organisation_id, day, count(*) AS n FROM programme_sharer_days GROUP BY 1, 2) d
 WHERE d.organisation_id = t.organisation_id AND d.day = t.day;

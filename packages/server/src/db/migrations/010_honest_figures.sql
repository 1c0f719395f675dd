-- Figures people can trust (docs/honest-figures.md): what a click, a share
-- and a declared audience may earn. Counters cannot deadlock because every
-- transaction that moves them first takes its organisation's counter lock
-- (domain/counter-lock.ts).

ALTER TABLE organisations
  ADD COLUMN share_points_rule           text    NOT NULL DEFAULT 'first-reader' CHECK (share_points_rule IN ('first-reader', 'on-share')),
  ADD COLUMN daily_share_points_cap      integer NOT NULL DEFAULT 15    CHECK (daily_share_points_cap BETWEEN 0 AND 100),
  ADD COLUMN credits_per_network_per_day integer NOT NULL DEFAULT 3     CHECK (credits_per_network_per_day BETWEEN 1 AND 1000),
  ADD COLUMN burst_credits_per_minute    integer NOT NULL DEFAULT 30    CHECK (burst_credits_per_minute BETWEEN 1 AND 100000),
  ADD COLUMN reach_cap_per_employee      integer NOT NULL DEFAULT 10000 CHECK (reach_cap_per_employee BETWEEN 0 AND 10000000),
  ADD COLUMN avatar_hosts                text[]  NOT NULL DEFAULT '{}';

-- Share points: once per content per employee, whatever the number of networks.
-- `points` is what the award earned under the rules of its day.
CREATE TABLE share_awards (
  organisation_id  uuid        NOT NULL,
  employee_id      uuid        NOT NULL,
  content_id       uuid        NOT NULL,
  share_id         uuid        NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  awarded_at       timestamptz NOT NULL,
  points           integer     NOT NULL,
  PRIMARY KEY (organisation_id, employee_id, content_id),
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);

-- How many contents earned share points per employee and UTC day (the daily cap, taken under the row's lock).
CREATE TABLE share_award_days (
  organisation_id  uuid    NOT NULL,
  employee_id      uuid    NOT NULL,
  day              date    NOT NULL,
  awarded          integer NOT NULL,
  PRIMARY KEY (organisation_id, employee_id, day),
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);

-- Existing shares: the first share of each content holds its award, so it is not earned again.
-- Counters keep the points they earned under the old rule (10 a share, per network).
INSERT INTO share_awards (organisation_id, employee_id, content_id, share_id, awarded_at, points)
SELECT DISTINCT ON (s.organisation_id, s.employee_id, s.content_id)
       s.organisation_id, s.employee_id, s.content_id, s.id, s.created_at, o.points_per_share
  FROM shares s JOIN organisations o ON o.id = s.organisation_id
 ORDER BY s.organisation_id, s.employee_id, s.content_id, s.created_at, s.id;

-- First visits per share, UTC day and client network (a keyed hash of the
-- /24 or /48 prefix): at most credits_per_network_per_day are credited.
CREATE TABLE click_networks (
  share_id      uuid    NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  day           date    NOT NULL,
  network_hash  bytea   NOT NULL,
  first_visits  integer NOT NULL,
  PRIMARY KEY (share_id, day, network_hash)
);

-- Credited visits per share and minute, to stop a burst.
CREATE TABLE share_minutes (
  share_id  uuid        NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  minute    timestamptz NOT NULL,
  credited  integer     NOT NULL,
  PRIMARY KEY (share_id, minute)
);

-- The network the share was created (or fetched again) from, and that UTC day:
-- visits from it that day are the sharer's own. `burst_at`: crediting stopped.
ALTER TABLE shares
  ADD COLUMN sharer_network      bytea,
  ADD COLUMN sharer_network_day  date,
  ADD COLUMN burst_at            timestamptz;

ALTER TABLE clicks DROP CONSTRAINT clicks_reason_check;
ALTER TABLE clicks ADD CONSTRAINT clicks_reason_check
  CHECK (reason IN ('bot', 'preview', 'head', 'self', 'repeat', 'repeat-network', 'burst'));

-- What admins should look at: a share that stopped crediting in a burst, a jump in a declared audience.
CREATE TABLE trust_flags (
  id               uuid        PRIMARY KEY,
  organisation_id  uuid        NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind             text        NOT NULL CHECK (kind IN ('burst', 'audience-jump')),
  employee_id      uuid        NOT NULL,
  share_id         uuid        REFERENCES shares (id) ON DELETE CASCADE,
  detail           jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at       timestamptz NOT NULL,
  reviewed_at      timestamptz,
  reviewed_by      text,
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX trust_flags_open ON trust_flags (organisation_id, created_at DESC, id DESC) WHERE reviewed_at IS NULL;
CREATE UNIQUE INDEX trust_flags_open_burst ON trust_flags (share_id) WHERE kind = 'burst' AND reviewed_at IS NULL;

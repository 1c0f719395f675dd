-- The advocacy programme: people, keys, content, shares, clicks, points,
-- testimonials, events. Every table carries organisation_id and every
-- index used by a request starts with it.

ALTER TABLE organisations
  ADD COLUMN points_per_share  integer NOT NULL DEFAULT 10 CHECK (points_per_share BETWEEN 0 AND 1000),
  ADD COLUMN points_per_click  integer NOT NULL DEFAULT 1  CHECK (points_per_click BETWEEN 0 AND 1000),
  -- {"en": "I work at Acme.", "fr": "Je travaille chez Acme."}
  ADD COLUMN disclosure        jsonb   NOT NULL DEFAULT '{}'::jsonb,
  -- Destinations of content must be on one of these hosts (or a subdomain of one).
  ADD COLUMN allowed_domains   text[]  NOT NULL DEFAULT '{}',
  -- Origins of the intranet pages that call the API with employee tokens.
  ADD COLUMN allowed_origins   text[]  NOT NULL DEFAULT '{}',
  -- Employee JWTs: issuer, audience, and either a JWKS URL or (demo only) an HS256 secret.
  ADD COLUMN jwt_issuer        text,
  ADD COLUMN jwt_audience      text,
  ADD COLUMN jwks_url          text,
  ADD COLUMN jwt_hs256_secret  text,
  -- Claim value that makes an employee an admin (in the `roles` claim).
  ADD COLUMN admin_role        text    NOT NULL DEFAULT 'advocacy-admin',
  -- Current consent text per locale and its version, shown with the testimonial form.
  ADD COLUMN consent_version   text    NOT NULL DEFAULT '2026-01',
  ADD COLUMN consent_text      jsonb   NOT NULL DEFAULT '{}'::jsonb;

CREATE TABLE teams (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  name             text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, name)
);

CREATE TABLE employees (
  id                  uuid PRIMARY KEY,
  organisation_id     uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  -- `sub` claim of the identity provider's tokens.
  subject             text NOT NULL,
  name                text NOT NULL DEFAULT '',
  email               text,
  team_id             uuid REFERENCES teams (id) ON DELETE SET NULL,
  display_name        text,
  avatar_url          text,
  leaderboard_opt_in  boolean NOT NULL DEFAULT false,
  -- Declared audience per network: {"linkedin": 850, "x": 120}
  audience            jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at          timestamptz NOT NULL DEFAULT now(),
  last_seen_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, subject),
  UNIQUE (organisation_id, id)
);

CREATE TABLE api_keys (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  kind             text NOT NULL CHECK (kind IN ('publishable', 'secret')),
  -- First characters of the key, shown in admin screens and used to find the row.
  prefix           text NOT NULL UNIQUE,
  -- SHA-256 of the whole key: a database dump holds no usable key.
  key_hash         bytea NOT NULL,
  label            text NOT NULL DEFAULT '',
  -- Exact origins (scheme://host[:port]) a publishable key works from.
  allowed_origins  text[] NOT NULL DEFAULT '{}',
  created_at       timestamptz NOT NULL DEFAULT now(),
  revoked_at       timestamptz
);

CREATE TABLE content (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  title            text NOT NULL,
  url              text NOT NULL,
  image_url        text,
  summary          text NOT NULL DEFAULT '',
  locale           text NOT NULL,
  tags             text[] NOT NULL DEFAULT '{}',
  campaign         text,
  -- {"linkedin": {"en": "…", "fr": "…"}, "x": {"en": "…"}}
  suggested_texts  jsonb NOT NULL DEFAULT '{}'::jsonb,
  status           text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published', 'archived')),
  publish_at       timestamptz NOT NULL DEFAULT now(),
  expires_at       timestamptz,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, id)
);
-- The share feed: newest published first, keyset-paginated on (publish_at, id).
CREATE INDEX content_feed ON content (organisation_id, status, publish_at DESC, id DESC);
CREATE INDEX content_tags ON content USING gin (tags);

CREATE TABLE shares (
  id               uuid PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  employee_id      uuid NOT NULL,
  content_id       uuid NOT NULL,
  network          text NOT NULL,
  -- The tracked link is /r/{code}.
  code             text NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, employee_id, content_id, network),
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organisation_id, content_id) REFERENCES content (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX shares_by_time ON shares (organisation_id, created_at);

-- Every request to /r/{code}; only credited ones move points.
CREATE TABLE clicks (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  share_id         uuid NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  occurred_at      timestamptz NOT NULL DEFAULT now(),
  -- HMAC of IP prefix and user agent under that day's salt; never the raw IP.
  visitor_hash     bytea NOT NULL,
  credited         boolean NOT NULL,
  -- Why a click was not credited: bot, preview, head, self, repeat.
  reason           text CHECK (reason IN ('bot', 'preview', 'head', 'self', 'repeat'))
);
CREATE INDEX clicks_by_time ON clicks (organisation_id, occurred_at);

-- First visit per (share, visitor, UTC day): the insert that wins is the credited one.
CREATE TABLE click_visitors (
  share_id      uuid NOT NULL REFERENCES shares (id) ON DELETE CASCADE,
  day           date NOT NULL,
  visitor_hash  bytea NOT NULL,
  PRIMARY KEY (share_id, day, visitor_hash)
);

-- One random salt per UTC day; old ones are deleted, so old hashes cannot be linked again.
CREATE TABLE visitor_salts (
  day   date PRIMARY KEY,
  salt  bytea NOT NULL
);

-- Points per employee and period, moved with each credited event, so a
-- leaderboard read is an index range scan, never a scan of raw events.
CREATE TABLE points (
  organisation_id  uuid NOT NULL,
  period_kind      text NOT NULL CHECK (period_kind IN ('week', 'month', 'quarter', 'all')),
  period_start     date NOT NULL,
  employee_id      uuid NOT NULL,
  points           bigint NOT NULL DEFAULT 0,
  shares           bigint NOT NULL DEFAULT 0,
  clicks           bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, period_kind, period_start, employee_id),
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX points_ranking ON points (organisation_id, period_kind, period_start, points DESC, employee_id);

-- Programme figures per day and network, for stats without scanning clicks.
CREATE TABLE daily_stats (
  organisation_id    uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  day                date NOT NULL,
  network            text NOT NULL,
  shares             bigint NOT NULL DEFAULT 0,
  credited_clicks    bigint NOT NULL DEFAULT 0,
  uncredited_clicks  bigint NOT NULL DEFAULT 0,
  impressions        bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, day, network)
);

CREATE TABLE testimonials (
  id                   uuid PRIMARY KEY,
  organisation_id      uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  employee_id          uuid NOT NULL,
  quote                text NOT NULL CHECK (length(quote) BETWEEN 1 AND 1200),
  author_name          text NOT NULL,
  role                 text NOT NULL,
  team                 text NOT NULL,
  location             text NOT NULL,
  locale               text NOT NULL,
  photo_url            text,
  tags                 text[] NOT NULL DEFAULT '{}',
  status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  consent_version      text NOT NULL,
  consent_accepted_at  timestamptz NOT NULL,
  created_at           timestamptz NOT NULL DEFAULT now(),
  moderated_at         timestamptz,
  moderated_by         text,
  rejection_reason     text,
  withdrawn_at         timestamptz,
  FOREIGN KEY (organisation_id, employee_id) REFERENCES employees (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX testimonials_public ON testimonials (organisation_id, status, created_at DESC, id DESC);
CREATE INDEX testimonials_by_author ON testimonials (organisation_id, employee_id, created_at DESC);

CREATE TABLE audit_log (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  actor            text NOT NULL,
  action           text NOT NULL,
  target_type      text NOT NULL,
  target_id        text NOT NULL,
  detail           jsonb NOT NULL DEFAULT '{}'::jsonb,
  at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_by_target ON audit_log (organisation_id, target_type, target_id, at);

-- Stripe-style idempotency: one row per (caller, key), kept 24 hours.
CREATE TABLE idempotency_keys (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  principal        text NOT NULL,
  key              text NOT NULL,
  request_hash     text NOT NULL,
  status           text NOT NULL CHECK (status IN ('in_flight', 'done')),
  response_status  integer,
  response_body    jsonb,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, principal, key)
);
CREATE INDEX idempotency_keys_expiry ON idempotency_keys (created_at);

-- Impressions from widgets, deduplicated by the client's event id.
CREATE TABLE impression_events (
  organisation_id  uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  client_event_id  text NOT NULL,
  kind             text NOT NULL,
  content_id       uuid,
  testimonial_id   uuid,
  occurred_at      timestamptz NOT NULL,
  received_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, client_event_id)
);

-- Demo mode only: the demo organisation's publishable key, kept in clear so
-- GET /v1/demo can hand it to the demo pages. Real organisations never
-- have a row here; their keys exist only as hashes in api_keys.
CREATE TABLE demo_settings (
  organisation_id  uuid PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
  publishable_key  text NOT NULL
);

-- Demo mode only: how far the demo's planned activity has been written, so
-- each start adds what happened since and a demo never looks dead.
ALTER TABLE demo_settings ADD COLUMN activity_until timestamptz;

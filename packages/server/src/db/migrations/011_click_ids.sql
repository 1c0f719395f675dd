-- Every click carries the id the redirect gave it (journal, then database):
-- replaying the journal after a crash can never count a click twice.
-- Existing rows get an id of their own.
ALTER TABLE clicks ADD COLUMN click_id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE clicks ALTER COLUMN click_id DROP DEFAULT;
-- The key holds occurred_at because a unique key on a partitioned table must
-- include the partition key: it survives partitioning clicks by month (012).
-- occurred_at is the redirect's time, journaled with the id, so a replay
-- carries the same pair.
ALTER TABLE clicks ADD CONSTRAINT clicks_click_id_key UNIQUE (click_id, occurred_at);

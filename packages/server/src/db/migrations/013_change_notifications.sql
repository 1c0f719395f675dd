-- Every change to what API instances cache (organisation settings and
-- origins, keys, content destinations, shares) is announced on the
-- advocacy_changes channel when its transaction commits, whoever made it:
-- the admin API, advocacy-admin, or an operator in psql. Instances drop the
-- cache entries it names (see change-feed.ts). The trigger's argument is the
-- column holding the organisation.
CREATE OR REPLACE FUNCTION advocacy_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed jsonb;
BEGIN
  IF TG_OP = 'DELETE' THEN changed := to_jsonb(OLD); ELSE changed := to_jsonb(NEW); END IF;
  PERFORM pg_notify('advocacy_changes', json_build_object(
    'table', TG_TABLE_NAME,
    'organisationId', changed ->> TG_ARGV[0],
    'id', changed ->> 'id'
  )::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER organisations_changed AFTER UPDATE OR DELETE ON organisations
  FOR EACH ROW EXECUTE FUNCTION advocacy_notify_change('id');
CREATE TRIGGER api_keys_changed AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION advocacy_notify_change('organisation_id');
CREATE TRIGGER content_changed AFTER UPDATE OR DELETE ON content
  FOR EACH ROW EXECUTE FUNCTION advocacy_notify_change('organisation_id');
-- Shares are updated on every share made (the sharer's hashes) and on bursts, which no cache holds: deletions only.
CREATE TRIGGER shares_changed AFTER DELETE ON shares
  FOR EACH ROW EXECUTE FUNCTION advocacy_notify_change('organisation_id');

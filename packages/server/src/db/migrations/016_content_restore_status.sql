-- What archived content comes back as when restored: the status it had
-- when it was archived. Content archived before this column existed has
-- none and comes back as a draft, so nothing is published by surprise.
ALTER TABLE content
  ADD COLUMN restore_status text CHECK (restore_status IN ('draft', 'published'));

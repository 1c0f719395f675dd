-- The name a testimonial is published under, as its author chose it in the
-- form (issue 15, point 5). NULL: the author's profile name when they
-- submitted it (author_name, kept beside it, so moderators see who wrote it).
-- The contract bounds it (60 characters, one line); the check keeps any other
-- writer to the same bounds. Erasure sets it back to NULL.
ALTER TABLE testimonials ADD COLUMN chosen_author_name text
  CHECK (chosen_author_name IS NULL OR (length(chosen_author_name) BETWEEN 1 AND 60 AND chosen_author_name !~ '[[:cntrl:]]'));

-- The career site lists approved testimonials newest-approved first.
CREATE INDEX testimonials_approved ON testimonials (organisation_id, moderated_at DESC, id DESC) WHERE status = 'approved';

-- Leaderboard reads are index range scans on `points` alone: whether the
-- employee is listed (opted in) and their team are copied onto their
-- counter rows, and kept in step when either changes.
ALTER TABLE points ADD COLUMN listed boolean NOT NULL DEFAULT false;
ALTER TABLE points ADD COLUMN team_id uuid;
DROP INDEX points_ranking;
CREATE INDEX points_ranking ON points (organisation_id, period_kind, period_start, points DESC, employee_id) WHERE listed;
CREATE INDEX points_team_ranking ON points (organisation_id, period_kind, period_start, team_id, points DESC, employee_id) WHERE listed;

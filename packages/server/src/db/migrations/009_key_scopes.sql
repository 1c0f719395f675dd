-- Least privilege for secret keys: each carries the scopes it may use
-- (see KEY_SCOPES in the SDK contract; `admin` implies every other scope).
-- Secret keys made before scopes existed could do everything: they become `admin`.
-- Publishable keys are not scoped: they are bound to their origins instead.
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}';
UPDATE api_keys SET scopes = '{admin}' WHERE kind = 'secret';
ALTER TABLE api_keys
  ADD CONSTRAINT api_keys_known_scopes
    CHECK (scopes <@ ARRAY['testimonials:read', 'stats:read', 'content:write', 'testimonials:moderate', 'settings:write', 'admin']::text[]),
  ADD CONSTRAINT api_keys_scoped_secrets
    CHECK (CASE kind WHEN 'secret' THEN cardinality(scopes) > 0 ELSE cardinality(scopes) = 0 END);

-- An employee token finds its organisation by issuer and audience: two
-- organisations with the same pair would each refuse the other's tokens.
CREATE UNIQUE INDEX organisations_identity ON organisations (jwt_issuer, jwt_audience);

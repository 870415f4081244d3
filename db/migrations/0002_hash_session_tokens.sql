-- Session tokens are stored as 'sha256:' || hex(SHA-256(token)) from now on (portal/src/server/auth/
-- hashed-session-tokens.ts). Sessions created before keep working: their stored tokens are hashed in
-- place with the same formula, and the next request hashes the cookie's raw token to match.
UPDATE "session"
SET "token" = 'sha256:' || encode(sha256(convert_to("token", 'UTF8')), 'hex')
WHERE "token" NOT LIKE 'sha256:%';

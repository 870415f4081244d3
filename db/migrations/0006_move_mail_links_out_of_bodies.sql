-- Bearer links leave mail bodies (portal/src/server/mail/outbox.ts): each body gets the placeholder
-- '[[sightline:secret-link]]' where its link was, and the link itself waits in secret_link only while
-- the mail is unsent and its token still works. Every mail carries at most one link; staff invitation
-- links end in /accept-invitation#<token>, vendor links in /v#<token> (43 base64url characters).
UPDATE "email_outbox"
SET "secret_link_kind" = 'staff_invitation',
    "secret_link" = substring("text_body" from '\S+/accept-invitation#[A-Za-z0-9_-]{43}'),
    "text_body" = regexp_replace("text_body", '\S+/accept-invitation#[A-Za-z0-9_-]{43}', '[[sightline:secret-link]]', 'g')
WHERE "secret_link_kind" IS NULL AND "text_body" ~ '/accept-invitation#[A-Za-z0-9_-]{43}';
--> statement-breakpoint
UPDATE "email_outbox"
SET "secret_link_kind" = 'vendor_link',
    "secret_link" = substring("text_body" from '\S+/v#[A-Za-z0-9_-]{43}'),
    "text_body" = regexp_replace("text_body", '\S+/v#[A-Za-z0-9_-]{43}', '[[sightline:secret-link]]', 'g')
WHERE "secret_link_kind" IS NULL AND "text_body" ~ '/v#[A-Za-z0-9_-]{43}';
--> statement-breakpoint
-- Which token each link carries, found by the digest the portal stores (SHA-256 hex of the token).
UPDATE "email_outbox" AS m
SET "link_token_id" = i."id"
FROM "staff_invitation" AS i
WHERE m."secret_link_kind" = 'staff_invitation' AND m."link_token_id" IS NULL
  AND i."token_hash" = encode(sha256(convert_to(substring(m."secret_link" from '#([A-Za-z0-9_-]{43})$'), 'UTF8')), 'hex');
--> statement-breakpoint
UPDATE "email_outbox" AS m
SET "link_token_id" = t."id"
FROM "assessment_token" AS t
WHERE m."secret_link_kind" = 'vendor_link' AND m."link_token_id" IS NULL
  AND t."token_hash" = encode(sha256(convert_to(substring(m."secret_link" from '#([A-Za-z0-9_-]{43})$'), 'UTF8')), 'hex');
--> statement-breakpoint
-- A sent mail keeps no link, nor does one whose token no longer works (or is unknown). Those unsent
-- mails are cancelled by the outbox worker when it next picks them up ('cancelled' is new in this
-- release and cannot be written in the transaction that adds it).
UPDATE "email_outbox" AS m
SET "secret_link" = NULL
WHERE m."secret_link" IS NOT NULL AND (
  m."status" = 'sent'
  OR m."link_token_id" IS NULL
  OR EXISTS (
    SELECT 1 FROM "staff_invitation" AS i
    WHERE i."id" = m."link_token_id" AND (i."accepted_at" IS NOT NULL OR i."revoked_at" IS NOT NULL)
  )
  OR EXISTS (
    SELECT 1 FROM "assessment_token" AS t
    WHERE t."id" = m."link_token_id" AND (t."superseded_at" IS NOT NULL OR t."revoked_at" IS NOT NULL)
  )
);

ALTER TABLE "email_outbox" ADD COLUMN "lease_token" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "lease_expires_at" timestamp with time zone;
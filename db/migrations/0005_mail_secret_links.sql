CREATE TYPE "public"."secret_link_kind" AS ENUM('staff_invitation', 'vendor_link');--> statement-breakpoint
ALTER TYPE "public"."mail_status" ADD VALUE 'cancelled';--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secret_link" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "secret_link_kind" "secret_link_kind";--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "link_token_id" uuid;--> statement-breakpoint
CREATE INDEX "email_outbox_link_token_idx" ON "email_outbox" USING btree ("link_token_id");
CREATE TYPE "public"."finding_source" AS ENUM('knock_out', 'weak_section', 'reviewer');--> statement-breakpoint
CREATE TYPE "public"."finding_status" AS ENUM('open', 'in_remediation', 'resolved', 'risk_accepted');--> statement-breakpoint
CREATE TYPE "public"."ai_system_origin" AS ENUM('internal', 'third_party');--> statement-breakpoint
CREATE TYPE "public"."rejected_service_state" AS ENUM('blocked', 'unapproved');--> statement-breakpoint
CREATE TABLE "finding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"source" "finding_source" NOT NULL,
	"source_key" text NOT NULL,
	"question_id" text,
	"section_id" text,
	"answer" text,
	"title" text NOT NULL,
	"severity" "risk_tier" NOT NULL,
	"status" "finding_status" DEFAULT 'open' NOT NULL,
	"owner_id" text,
	"due_on" date,
	"requested_action" text,
	"sent_to_vendor_at" timestamp with time zone,
	"accepted_reason" text,
	"accepted_by" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finding_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"finding_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" "finding_status",
	"to_status" "finding_status",
	"note" text,
	"actor_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_system" ALTER COLUMN "lifecycle_stage" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "ai_system" ALTER COLUMN "lifecycle_stage" SET DEFAULT 'operation_monitoring'::text;--> statement-breakpoint
DROP TYPE "public"."lifecycle_stage";--> statement-breakpoint
CREATE TYPE "public"."lifecycle_stage" AS ENUM('inception', 'design_development', 'verification_validation', 'deployment', 'operation_monitoring', 're_evaluation', 'retirement');--> statement-breakpoint
ALTER TABLE "ai_system" ALTER COLUMN "lifecycle_stage" SET DEFAULT 'operation_monitoring'::"public"."lifecycle_stage";--> statement-breakpoint
ALTER TABLE "ai_system" ALTER COLUMN "lifecycle_stage" SET DATA TYPE "public"."lifecycle_stage" USING "lifecycle_stage"::"public"."lifecycle_stage";--> statement-breakpoint
ALTER TABLE "ai_system_supplier" ALTER COLUMN "responsibilities" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "residual_tier" "risk_tier";--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "tier" "risk_tier";--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "tier_reason" text;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "next_review_on" date;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "policy_state" text;--> statement-breakpoint
ALTER TABLE "decision" ADD COLUMN "ai_system_id" uuid;--> statement-breakpoint
ALTER TABLE "ai_system" ADD COLUMN "origin" "ai_system_origin" DEFAULT 'third_party' NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_system" ADD COLUMN "decisions_about_people" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_system" ADD COLUMN "decisions_description" text;--> statement-breakpoint
ALTER TABLE "ai_system" ADD COLUMN "service_ids" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "separate_approver_from_reviewer" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "org_settings" ADD COLUMN "rejected_service_state" "rejected_service_state" DEFAULT 'blocked' NOT NULL;--> statement-breakpoint
ALTER TABLE "access_request" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "access_request" ADD COLUMN "outcome_note" text;--> statement-breakpoint
ALTER TABLE "access_request" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_accepted_by_user_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding" ADD CONSTRAINT "finding_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_event" ADD CONSTRAINT "finding_event_finding_id_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."finding"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finding_event" ADD CONSTRAINT "finding_event_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "finding_source_uq" ON "finding" USING btree ("assessment_id","source_key");--> statement-breakpoint
CREATE INDEX "finding_vendor_idx" ON "finding" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "finding_status_idx" ON "finding" USING btree ("status");--> statement-breakpoint
CREATE INDEX "finding_event_finding_idx" ON "finding_event" USING btree ("finding_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "decision_assessment_uq" ON "decision" USING btree ("assessment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ai_system_supplier_vendor_uq" ON "ai_system_supplier" USING btree ("ai_system_id","vendor_id");
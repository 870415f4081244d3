CREATE TYPE "public"."carried_answer_state" AS ENUM('prefilled', 'confirmed', 'changed');--> statement-breakpoint
CREATE TYPE "public"."incident_severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."incident_source" AS ENUM('vendor_notice', 'news', 'internal', 'regulator', 'other');--> statement-breakpoint
CREATE TYPE "public"."material_change_kind" AS ENUM('model_provider', 'region', 'training_practice', 'other');--> statement-breakpoint
CREATE TYPE "public"."review_reason" AS ENUM('review_date', 'document_expiry', 'evidence_expiry', 'incident', 'usage_spike', 'blocked_use_rising', 'material_change');--> statement-breakpoint
CREATE TABLE "review_notice" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"reason" "review_reason" NOT NULL,
	"subject" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_incident" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"description" text NOT NULL,
	"severity" "incident_severity" NOT NULL,
	"source" "incident_source" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_material_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"kind" "material_change_kind" NOT NULL,
	"description" text NOT NULL,
	"declared_by_token_id" uuid,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD COLUMN "cycle" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment" ADD COLUMN "previous_assessment_id" uuid;--> statement-breakpoint
ALTER TABLE "assessment_answer" ADD COLUMN "carried_state" "carried_answer_state";--> statement-breakpoint
ALTER TABLE "evidence_file" ADD COLUMN "carried_from_id" uuid;--> statement-breakpoint
ALTER TABLE "review_notice" ADD CONSTRAINT "review_notice_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_incident" ADD CONSTRAINT "vendor_incident_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_incident" ADD CONSTRAINT "vendor_incident_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_material_change" ADD CONSTRAINT "vendor_material_change_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_material_change" ADD CONSTRAINT "vendor_material_change_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_material_change" ADD CONSTRAINT "vendor_material_change_declared_by_token_id_assessment_token_id_fk" FOREIGN KEY ("declared_by_token_id") REFERENCES "public"."assessment_token"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "review_notice_claim_uq" ON "review_notice" USING btree ("vendor_id","reason","subject");--> statement-breakpoint
CREATE INDEX "vendor_incident_vendor_idx" ON "vendor_incident" USING btree ("vendor_id","created_at");--> statement-breakpoint
CREATE INDEX "vendor_material_change_vendor_idx" ON "vendor_material_change" USING btree ("vendor_id","declared_at");--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_previous_assessment_id_assessment_id_fk" FOREIGN KEY ("previous_assessment_id") REFERENCES "public"."assessment"("id") ON DELETE set null ON UPDATE no action;
CREATE TYPE "public"."assessment_state" AS ENUM('draft', 'sent', 'in_progress', 'submitted', 'changes_requested', 'under_review', 'decided', 'expired', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('approve', 'approve_with_conditions', 'reject');--> statement-breakpoint
CREATE TYPE "public"."assessment_token_kind" AS ENUM('primary', 'colleague', 'reminder');--> statement-breakpoint
CREATE TYPE "public"."staff_role" AS ENUM('admin', 'procurement', 'reviewer', 'approver', 'auditor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."candidate_status" AS ENUM('open', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."ai_act_role" AS ENUM('provider', 'deployer', 'importer', 'distributor', 'product_manufacturer');--> statement-breakpoint
CREATE TYPE "public"."eu_ai_act_class" AS ENUM('prohibited', 'high_risk', 'limited', 'minimal', 'gpai', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."lifecycle_stage" AS ENUM('planned', 'in_development', 'pilot', 'production', 'retired');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('pending', 'sent', 'failed', 'held');--> statement-breakpoint
CREATE TYPE "public"."fail_mode" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."rollout_mode" AS ENUM('monitor', 'coach', 'enforce');--> statement-breakpoint
CREATE TYPE "public"."policy_state" AS ENUM('approved', 'conditional', 'unreviewed', 'unapproved', 'blocked');--> statement-breakpoint
CREATE TYPE "public"."access_request_status" AS ENUM('open', 'in_assessment', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."account_hint" AS ENUM('work', 'personal', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."usage_event_kind" AS ENUM('visit', 'login', 'paste', 'upload', 'api_call', 'extension_installed', 'warning_shown', 'proceeded', 'blocked', 'request_submitted');--> statement-breakpoint
CREATE TYPE "public"."risk_tier" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."vendor_status" AS ENUM('prospect', 'in_review', 'approved', 'conditional', 'rejected', 'offboarded');--> statement-breakpoint
CREATE TABLE "assessment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"service_id" text,
	"access_request_id" uuid,
	"template_id" uuid NOT NULL,
	"questions_snapshot" jsonb,
	"state" "assessment_state" DEFAULT 'draft' NOT NULL,
	"respondent_name" text NOT NULL,
	"respondent_email" text NOT NULL,
	"due_on" date NOT NULL,
	"use_context" jsonb,
	"sent_at" timestamp with time zone,
	"first_opened_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"reminder_7_sent_at" timestamp with time zone,
	"reminder_3_sent_at" timestamp with time zone,
	"reminder_1_sent_at" timestamp with time zone,
	"score_result" jsonb,
	"scored_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_answer" (
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"value" jsonb,
	"not_applicable" boolean DEFAULT false NOT NULL,
	"comment" text,
	"locked" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_token_id" uuid,
	CONSTRAINT "assessment_answer_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"kind" "assessment_token_kind" NOT NULL,
	"issued_to_name" text,
	"issued_to_email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "assessment_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "decision" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"service_id" text,
	"outcome" "decision_outcome" NOT NULL,
	"conditions" text,
	"rationale" text NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"file_id" uuid NOT NULL,
	"expires_on" date,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by_token_id" uuid,
	"verified_by" text,
	"verified_at" timestamp with time zone,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "questionnaire_template" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"definition" jsonb NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_comment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"comment" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "score_override" (
	"assessment_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"points" jsonb NOT NULL,
	"reason" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "score_override_assessment_id_question_id_pk" PRIMARY KEY("assessment_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "account" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rate_limit" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"count" integer NOT NULL,
	"last_request" bigint NOT NULL,
	CONSTRAINT "rate_limit_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"user_id" text NOT NULL,
	CONSTRAINT "session_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "staff_invitation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "staff_invitation_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "user" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"role" "staff_role" DEFAULT 'viewer' NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_candidate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"host" text NOT NULL,
	"signals" text[] DEFAULT '{}' NOT NULL,
	"reports" integer DEFAULT 1 NOT NULL,
	"device_count" integer DEFAULT 1 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "candidate_status" DEFAULT 'open' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"catalog_entry_id" text,
	CONSTRAINT "ai_candidate_host_unique" UNIQUE("host")
);
--> statement-breakpoint
CREATE TABLE "ai_candidate_report" (
	"candidate_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"last_reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ai_candidate_report_candidate_id_device_id_pk" PRIMARY KEY("candidate_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "custom_catalog_entry" (
	"id" text PRIMARY KEY NOT NULL,
	"entry" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "device" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"credential_hash" text NOT NULL,
	"enrollment_token_id" uuid,
	"user_key" text,
	"user_label" text,
	"browser" text,
	"platform" text,
	"extension_version" text,
	"enrolled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone,
	"last_policy_sync_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"dropped_events" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "device_credential_hash_unique" UNIQUE("credential_hash")
);
--> statement-breakpoint
CREATE TABLE "enrollment_token" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"label" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"enrolled_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "enrollment_token_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "stored_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_system" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"owner" text NOT NULL,
	"lifecycle_stage" "lifecycle_stage" DEFAULT 'production' NOT NULL,
	"eu_ai_act_class" "eu_ai_act_class" DEFAULT 'unknown' NOT NULL,
	"org_role" "ai_act_role" DEFAULT 'deployer' NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"human_oversight" text,
	"next_review_on" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_system_supplier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ai_system_id" uuid NOT NULL,
	"vendor_id" uuid NOT NULL,
	"service_id" text,
	"risk_tier" "risk_tier",
	"assessment_id" uuid,
	"responsibilities" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"purpose" text NOT NULL,
	"related_type" text,
	"related_id" text,
	"status" "mail_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "org_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text DEFAULT 'My organisation' NOT NULL,
	"mode" "rollout_mode" DEFAULT 'coach' NOT NULL,
	"fail_mode" "fail_mode" DEFAULT 'open' NOT NULL,
	"email_domains" text[] DEFAULT '{}' NOT NULL,
	"pseudonymise_users" boolean DEFAULT true NOT NULL,
	"pseudonym_secret" text NOT NULL,
	"raw_event_retention_days" integer DEFAULT 180 NOT NULL,
	"proceed_once_minutes" integer DEFAULT 60 NOT NULL,
	"assessment_grace_days" integer DEFAULT 14 NOT NULL,
	"tier_thresholds" jsonb DEFAULT '{"critical":70,"high":40,"medium":20}'::jsonb NOT NULL,
	"review_cadence_months" jsonb DEFAULT '{"critical":3,"high":6,"medium":12,"low":24}'::jsonb NOT NULL,
	"policy_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_policy" (
	"service_id" text PRIMARY KEY NOT NULL,
	"state" "policy_state" NOT NULL,
	"conditions" text,
	"alternative_service_id" text,
	"alternative_url" text,
	"note" text,
	"decision_id" uuid,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "throttle_bucket" (
	"key" text PRIMARY KEY NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"device_id" uuid,
	"client_request_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	"user_key" text,
	"user_label" text,
	"justification" text NOT NULL,
	"intended_use" text NOT NULL,
	"data_categories" text[] DEFAULT '{}' NOT NULL,
	"status" "access_request_status" DEFAULT 'open' NOT NULL,
	"assessment_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_daily" (
	"day" date NOT NULL,
	"service_id" text NOT NULL,
	"device_id" uuid NOT NULL,
	"user_key" text,
	"visits" integer DEFAULT 0 NOT NULL,
	"logins" integer DEFAULT 0 NOT NULL,
	"pastes" integer DEFAULT 0 NOT NULL,
	"paste_bytes" bigint DEFAULT 0 NOT NULL,
	"uploads" integer DEFAULT 0 NOT NULL,
	"upload_bytes" bigint DEFAULT 0 NOT NULL,
	"api_calls" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"blocks" integer DEFAULT 0 NOT NULL,
	"proceeds" integer DEFAULT 0 NOT NULL,
	"personal_account_events" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_daily_day_service_id_device_id_pk" PRIMARY KEY("day","service_id","device_id")
);
--> statement-breakpoint
CREATE TABLE "usage_event" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"device_id" uuid NOT NULL,
	"client_event_id" uuid NOT NULL,
	"kind" "usage_event_kind" NOT NULL,
	"service_id" text,
	"host" text NOT NULL,
	"matched_rule" text,
	"initiator_host" text,
	"user_key" text,
	"account_hint" "account_hint",
	"item_count" integer,
	"bytes" bigint,
	"file_types" text[],
	"details" jsonb,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"website" text,
	"status" "vendor_status" DEFAULT 'prospect' NOT NULL,
	"tier" "risk_tier",
	"next_review_on" date,
	"model_providers" text[] DEFAULT '{}' NOT NULL,
	"sub_processors" text[] DEFAULT '{}' NOT NULL,
	"notes" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_contact" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"title" text,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"vendor_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid,
	"expires_on" date,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vendor_service" (
	"vendor_id" uuid NOT NULL,
	"service_id" text NOT NULL,
	CONSTRAINT "vendor_service_vendor_id_service_id_pk" PRIMARY KEY("vendor_id","service_id")
);
--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_access_request_id_access_request_id_fk" FOREIGN KEY ("access_request_id") REFERENCES "public"."access_request"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_template_id_questionnaire_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."questionnaire_template"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_answer" ADD CONSTRAINT "assessment_answer_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_token" ADD CONSTRAINT "assessment_token_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_file_id_stored_file_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_file"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_file" ADD CONSTRAINT "evidence_file_verified_by_user_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_template" ADD CONSTRAINT "questionnaire_template_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_comment" ADD CONSTRAINT "review_comment_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_invitation" ADD CONSTRAINT "staff_invitation_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_candidate" ADD CONSTRAINT "ai_candidate_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_candidate_report" ADD CONSTRAINT "ai_candidate_report_candidate_id_ai_candidate_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."ai_candidate"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_catalog_entry" ADD CONSTRAINT "custom_catalog_entry_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_enrollment_token_id_enrollment_token_id_fk" FOREIGN KEY ("enrollment_token_id") REFERENCES "public"."enrollment_token"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "device" ADD CONSTRAINT "device_revoked_by_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrollment_token" ADD CONSTRAINT "enrollment_token_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system" ADD CONSTRAINT "ai_system_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_supplier" ADD CONSTRAINT "ai_system_supplier_ai_system_id_ai_system_id_fk" FOREIGN KEY ("ai_system_id") REFERENCES "public"."ai_system"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_supplier" ADD CONSTRAINT "ai_system_supplier_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_system_supplier" ADD CONSTRAINT "ai_system_supplier_assessment_id_assessment_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessment"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_policy" ADD CONSTRAINT "service_policy_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_request" ADD CONSTRAINT "access_request_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_event" ADD CONSTRAINT "usage_event_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor" ADD CONSTRAINT "vendor_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_contact" ADD CONSTRAINT "vendor_contact_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_document" ADD CONSTRAINT "vendor_document_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_document" ADD CONSTRAINT "vendor_document_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vendor_service" ADD CONSTRAINT "vendor_service_vendor_id_vendor_id_fk" FOREIGN KEY ("vendor_id") REFERENCES "public"."vendor"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_vendor_idx" ON "assessment" USING btree ("vendor_id");--> statement-breakpoint
CREATE INDEX "assessment_state_idx" ON "assessment" USING btree ("state");--> statement-breakpoint
CREATE INDEX "assessment_token_assessment_idx" ON "assessment_token" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "evidence_file_assessment_idx" ON "evidence_file" USING btree ("assessment_id","question_id");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_template_key_version_uq" ON "questionnaire_template" USING btree ("key","version");--> statement-breakpoint
CREATE INDEX "review_comment_assessment_idx" ON "review_comment" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "account_user_idx" ON "account" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "session_user_idx" ON "session" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "verification_identifier_idx" ON "verification" USING btree ("identifier");--> statement-breakpoint
CREATE INDEX "ai_candidate_status_idx" ON "ai_candidate" USING btree ("status");--> statement-breakpoint
CREATE INDEX "device_user_key_idx" ON "device" USING btree ("user_key");--> statement-breakpoint
CREATE INDEX "email_outbox_due_idx" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "access_request_client_uq" ON "access_request" USING btree ("device_id","client_request_id");--> statement-breakpoint
CREATE INDEX "access_request_service_idx" ON "access_request" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "usage_daily_service_idx" ON "usage_daily" USING btree ("service_id","day");--> statement-breakpoint
CREATE UNIQUE INDEX "usage_event_device_client_uq" ON "usage_event" USING btree ("device_id","client_event_id");--> statement-breakpoint
CREATE INDEX "usage_event_service_time_idx" ON "usage_event" USING btree ("service_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_event_time_idx" ON "usage_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "vendor_name_idx" ON "vendor" USING btree ("name");
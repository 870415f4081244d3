-- The fleet-wide rollups are read by ranges of (span, start_day), but their rows lie scattered over
-- the heap (the fold worker updates the open blocks again and again), so a 90-day dashboard read
-- almost every page of usage_presence: 15,500 pages for 46,000 rows at 10 million events, 425 ms.
-- Carrying the values in the primary key's index lets PostgreSQL answer from the index alone, in key
-- order (2,000 pages, 70 ms). drizzle's primaryKey() cannot say INCLUDE, so the schema keeps the key
-- columns and this migration adds the rest.
ALTER TABLE "usage_presence" DROP CONSTRAINT "usage_presence_span_start_day_service_id_chunk_pk";--> statement-breakpoint
ALTER TABLE "usage_presence" ADD CONSTRAINT "usage_presence_span_start_day_service_id_chunk_pk"
  PRIMARY KEY ("span", "start_day", "service_id", "chunk") INCLUDE ("people", "browsers");--> statement-breakpoint
ALTER TABLE "usage_counts" DROP CONSTRAINT "usage_counts_span_start_day_service_id_pk";--> statement-breakpoint
ALTER TABLE "usage_counts" ADD CONSTRAINT "usage_counts_span_start_day_service_id_pk"
  PRIMARY KEY ("span", "start_day", "service_id") INCLUDE ("visits", "logins", "pastes", "paste_bytes",
    "uploads", "upload_bytes", "api_calls", "warnings", "blocks", "proceeds", "personal_account_events");--> statement-breakpoint
-- Index-only reads skip the heap only for pages the visibility map marks all-visible, which takes a
-- vacuum after each change: vacuum these two after 2 % of their rows changed rather than 20 %.
ALTER TABLE "usage_presence" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);--> statement-breakpoint
ALTER TABLE "usage_counts" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02);

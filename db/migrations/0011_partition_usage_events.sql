-- Raw usage events become a table partitioned by month of occurred_at, so retention drops whole months
-- instead of deleting millions of rows. PostgreSQL requires the partition column in every unique key:
-- the primary key becomes (id, occurred_at) and the once-only key (device_id, client_event_id,
-- occurred_at); a retried event carries the same time, so it still lands once. Months from the oldest
-- stored event (at most three years back) to two months ahead get a partition; anything else goes to
-- usage_event_default until the event-partitions worker gives its month one.
DROP INDEX "usage_event_device_client_uq";--> statement-breakpoint
DROP INDEX "usage_event_service_time_idx";--> statement-breakpoint
DROP INDEX "usage_event_time_idx";--> statement-breakpoint
DROP INDEX "usage_event_device_time_idx";--> statement-breakpoint
ALTER TABLE "usage_event" RENAME TO "usage_event_before_partitioning";--> statement-breakpoint
ALTER SEQUENCE "usage_event_id_seq" OWNED BY NONE;--> statement-breakpoint
CREATE TABLE "usage_event" (
	"id" bigint DEFAULT nextval('usage_event_id_seq') NOT NULL,
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
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_event_id_occurred_at_pk" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");--> statement-breakpoint
CREATE TABLE "usage_event_default" PARTITION OF "usage_event" DEFAULT;--> statement-breakpoint
DO $$
DECLARE
  month_start date;
  last_month date := (date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months')::date;
BEGIN
  SELECT date_trunc('month', coalesce(min(occurred_at), now()) AT TIME ZONE 'UTC')::date
    INTO month_start FROM "usage_event_before_partitioning";
  month_start := greatest(month_start, (last_month - interval '36 months')::date);
  WHILE month_start <= last_month LOOP
    EXECUTE format(
      'CREATE TABLE %I PARTITION OF "usage_event" FOR VALUES FROM (%L) TO (%L)',
      'usage_event_p' || to_char(month_start, 'YYYY_MM'),
      month_start::timestamp AT TIME ZONE 'UTC',
      (month_start + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    month_start := (month_start + interval '1 month')::date;
  END LOOP;
END $$;--> statement-breakpoint
INSERT INTO "usage_event" SELECT * FROM "usage_event_before_partitioning";--> statement-breakpoint
DROP TABLE "usage_event_before_partitioning";--> statement-breakpoint
ALTER SEQUENCE "usage_event_id_seq" OWNED BY "usage_event"."id";--> statement-breakpoint
ALTER TABLE "usage_event" ADD CONSTRAINT "usage_event_device_id_device_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."device"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_event_device_client_uq" ON "usage_event" USING btree ("device_id","client_event_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_event_service_time_idx" ON "usage_event" USING btree ("service_id","occurred_at");--> statement-breakpoint
CREATE INDEX "usage_event_time_idx" ON "usage_event" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "usage_event_device_time_idx" ON "usage_event" USING btree ("device_id","occurred_at","id");

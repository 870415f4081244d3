CREATE TABLE "usage_api_caller_daily" (
	"service_id" text NOT NULL,
	"day" date NOT NULL,
	"initiator_host" text NOT NULL,
	"api_host" text NOT NULL,
	"device_id" uuid NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_api_caller_daily_service_id_day_initiator_host_api_host_device_id_pk" PRIMARY KEY("service_id","day","initiator_host","api_host","device_id")
);
--> statement-breakpoint
-- From the raw API-call events still kept (older ones were never rolled up this way).
INSERT INTO "usage_api_caller_daily" ("service_id", "day", "initiator_host", "api_host", "device_id", "calls", "last_at")
  SELECT "service_id", ("occurred_at" AT TIME ZONE 'UTC')::date, coalesce("initiator_host", ''), "host", "device_id",
    count(*), max("occurred_at")
  FROM "usage_event" WHERE "kind" = 'api_call' AND "service_id" IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5;

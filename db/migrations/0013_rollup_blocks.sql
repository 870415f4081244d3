-- The fleet-wide rollups move from one row per day to blocks of 1, 8 and 64 days (see ROLLUP_SPANS):
-- a long period then reads a few blocks per service instead of every day. Rebuilt from the per-browser
-- daily counts, which hold everything, so pending deltas are already in them and are cleared.
DROP TABLE "usage_service_day";--> statement-breakpoint
DROP TABLE "usage_presence";--> statement-breakpoint
TRUNCATE "usage_rollup_delta";--> statement-breakpoint
CREATE TABLE "usage_counts" (
	"span" integer NOT NULL,
	"start_day" date NOT NULL,
	"service_id" text NOT NULL,
	"visits" bigint DEFAULT 0 NOT NULL,
	"logins" bigint DEFAULT 0 NOT NULL,
	"pastes" bigint DEFAULT 0 NOT NULL,
	"paste_bytes" bigint DEFAULT 0 NOT NULL,
	"uploads" bigint DEFAULT 0 NOT NULL,
	"upload_bytes" bigint DEFAULT 0 NOT NULL,
	"api_calls" bigint DEFAULT 0 NOT NULL,
	"warnings" bigint DEFAULT 0 NOT NULL,
	"blocks" bigint DEFAULT 0 NOT NULL,
	"proceeds" bigint DEFAULT 0 NOT NULL,
	"personal_account_events" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "usage_counts_span_start_day_service_id_pk" PRIMARY KEY("span","start_day","service_id")
);
--> statement-breakpoint
CREATE TABLE "usage_presence" (
	"span" integer NOT NULL,
	"start_day" date NOT NULL,
	"service_id" text NOT NULL,
	"chunk" integer NOT NULL,
	"people" bit(1024) NOT NULL,
	"browsers" bit(1024) NOT NULL,
	CONSTRAINT "usage_presence_span_start_day_service_id_chunk_pk" PRIMARY KEY("span","start_day","service_id","chunk")
);
--> statement-breakpoint
INSERT INTO "usage_person" ("person_key")
  SELECT k FROM (SELECT DISTINCT coalesce("user_key", "device_id"::text) AS k FROM "usage_daily") d
  WHERE NOT EXISTS (SELECT 1 FROM "usage_person" p WHERE p."person_key" = d.k) ORDER BY k;--> statement-breakpoint
INSERT INTO "usage_browser" ("device_id")
  SELECT DISTINCT "device_id" FROM "usage_daily" d
  WHERE NOT EXISTS (SELECT 1 FROM "usage_browser" b WHERE b."device_id" = d."device_id") ORDER BY 1;--> statement-breakpoint
INSERT INTO "usage_counts" ("span", "start_day", "service_id", "visits", "logins", "pastes", "paste_bytes",
  "uploads", "upload_bytes", "api_calls", "warnings", "blocks", "proceeds", "personal_account_events")
  SELECT s.span, date '1970-01-01' + (("day" - date '1970-01-01') / s.span) * s.span, "service_id",
    sum("visits"), sum("logins"), sum("pastes"), sum("paste_bytes"), sum("uploads"), sum("upload_bytes"),
    sum("api_calls"), sum("warnings"), sum("blocks"), sum("proceeds"), sum("personal_account_events")
  FROM "usage_daily" CROSS JOIN (VALUES (1), (8), (64)) s(span) GROUP BY 1, 2, 3;--> statement-breakpoint
INSERT INTO "usage_presence" ("span", "start_day", "service_id", "chunk", "people", "browsers")
  SELECT s.span, date '1970-01-01' + ((x."day" - date '1970-01-01') / s.span) * s.span, sv.id, x.chunk,
    bit_or(x.people), bit_or(x.browsers)
  FROM (
    SELECT d."day", d."service_id", p."idx" / 1024 AS chunk,
      set_bit(B'0'::bit(1024), p."idx" % 1024, 1) AS people, B'0'::bit(1024) AS browsers
    FROM "usage_daily" d JOIN "usage_person" p ON p."person_key" = coalesce(d."user_key", d."device_id"::text)
    UNION ALL
    SELECT d."day", d."service_id", b."idx" / 1024, B'0'::bit(1024), set_bit(B'0'::bit(1024), b."idx" % 1024, 1)
    FROM "usage_daily" d JOIN "usage_browser" b ON b."device_id" = d."device_id"
  ) x
  CROSS JOIN (VALUES (1), (8), (64)) s(span)
  CROSS JOIN LATERAL (VALUES (x."service_id"), ('*')) sv(id)
  GROUP BY 1, 2, 3, 4;

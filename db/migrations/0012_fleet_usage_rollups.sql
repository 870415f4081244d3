CREATE TABLE "usage_browser" (
	"idx" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_browser_idx_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"device_id" uuid NOT NULL,
	CONSTRAINT "usage_browser_device_id_unique" UNIQUE("device_id")
);
--> statement-breakpoint
CREATE TABLE "usage_person" (
	"idx" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "usage_person_idx_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"person_key" text NOT NULL,
	CONSTRAINT "usage_person_person_key_unique" UNIQUE("person_key")
);
--> statement-breakpoint
CREATE TABLE "usage_presence" (
	"day" date NOT NULL,
	"service_id" text NOT NULL,
	"chunk" integer NOT NULL,
	"people" bit(1024) NOT NULL,
	"browsers" bit(1024) NOT NULL,
	CONSTRAINT "usage_presence_day_service_id_chunk_pk" PRIMARY KEY("day","service_id","chunk")
);
--> statement-breakpoint
CREATE TABLE "usage_rollup_delta" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"service_id" text NOT NULL,
	"person_idx" integer NOT NULL,
	"browser_idx" integer NOT NULL,
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
	"personal_account_events" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_service_day" (
	"day" date NOT NULL,
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
	CONSTRAINT "usage_service_day_day_service_id_pk" PRIMARY KEY("day","service_id")
);
--> statement-breakpoint
CREATE INDEX "usage_presence_service_idx" ON "usage_presence" USING btree ("service_id","day");--> statement-breakpoint
CREATE INDEX "usage_service_day_service_idx" ON "usage_service_day" USING btree ("service_id","day");--> statement-breakpoint
-- Backfill from the per-browser daily counts: number every person and browser seen, then the fleet's
-- counters and presence bitmaps per day and service (the same statements as rebuildFleetRollups()).
INSERT INTO "usage_person" ("person_key")
  SELECT k FROM (SELECT DISTINCT coalesce("user_key", "device_id"::text) AS k FROM "usage_daily") d ORDER BY k;--> statement-breakpoint
INSERT INTO "usage_browser" ("device_id") SELECT DISTINCT "device_id" FROM "usage_daily" ORDER BY 1;--> statement-breakpoint
INSERT INTO "usage_service_day" ("day", "service_id", "visits", "logins", "pastes", "paste_bytes", "uploads",
  "upload_bytes", "api_calls", "warnings", "blocks", "proceeds", "personal_account_events")
  SELECT "day", "service_id", sum("visits"), sum("logins"), sum("pastes"), sum("paste_bytes"), sum("uploads"),
    sum("upload_bytes"), sum("api_calls"), sum("warnings"), sum("blocks"), sum("proceeds"), sum("personal_account_events")
  FROM "usage_daily" GROUP BY 1, 2;--> statement-breakpoint
INSERT INTO "usage_presence" ("day", "service_id", "chunk", "people", "browsers")
  SELECT "day", "service_id", chunk, bit_or(people), bit_or(browsers) FROM (
    SELECT d."day", d."service_id", p."idx" / 1024 AS chunk,
      set_bit(B'0'::bit(1024), p."idx" % 1024, 1) AS people, B'0'::bit(1024) AS browsers
    FROM "usage_daily" d JOIN "usage_person" p ON p."person_key" = coalesce(d."user_key", d."device_id"::text)
    UNION ALL
    SELECT d."day", d."service_id", b."idx" / 1024, B'0'::bit(1024), set_bit(B'0'::bit(1024), b."idx" % 1024, 1)
    FROM "usage_daily" d JOIN "usage_browser" b ON b."device_id" = d."device_id"
  ) x GROUP BY 1, 2, 3;

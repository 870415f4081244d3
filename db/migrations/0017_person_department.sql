CREATE TABLE "person_department" (
	"person_key" text PRIMARY KEY NOT NULL,
	"email" text,
	"department" text NOT NULL,
	"manager_key" text,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "person_department_source_check" CHECK ("person_department"."source" in ('csv', 'sign-in'))
);

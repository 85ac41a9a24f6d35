CREATE TABLE "practice_facet_combinations" (
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"country" text NOT NULL,
	"target_groups" text[] NOT NULL,
	"areas" text[] NOT NULL,
	"fully_met_criteria" text[] NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "practice_facet_combinations_pk" PRIMARY KEY("organisation_id","status","country","target_groups","areas","fully_met_criteria")
);
--> statement-breakpoint
DROP TABLE "practice_facet_counts" CASCADE;--> statement-breakpoint
-- Count the practices already saved into their facet combinations.
INSERT INTO "practice_facet_combinations" ("organisation_id", "status", "country", "target_groups", "areas", "fully_met_criteria", "count")
SELECT "organisation_id", "status", "country", "target_groups", "areas", "fully_met_criteria", count(*)::int
FROM (SELECT "organisation_id", "status", coalesce("country", '') AS "country",
        array(SELECT DISTINCT v FROM unnest("target_groups") v ORDER BY v) AS "target_groups",
        array(SELECT DISTINCT v FROM unnest("areas") v ORDER BY v) AS "areas",
        array(SELECT DISTINCT v FROM unnest("fully_met_criteria") v ORDER BY v) AS "fully_met_criteria"
      FROM "practices") p
GROUP BY 1, 2, 3, 4, 5, 6;

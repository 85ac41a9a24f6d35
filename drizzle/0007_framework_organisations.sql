ALTER TABLE "frameworks" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Frameworks added before belong to the organisation whose practices are assessed against them
-- (the one with most), else to the first organisation; only the built-in SPRING grid stays shared.
UPDATE "frameworks" f SET "organisation_id" = coalesce(
	(SELECT p."organisation_id" FROM "assessments" a JOIN "practices" p ON p."id" = a."practice_id"
	 WHERE a."framework_id" = f."id" AND a."framework_version" = f."version"
	 GROUP BY p."organisation_id" ORDER BY count(*) DESC, p."organisation_id" LIMIT 1),
	(SELECT o."id" FROM "organisations" o ORDER BY o."created_at", o."id" LIMIT 1))
WHERE f."id" <> 'spring';

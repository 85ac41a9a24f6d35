ALTER TABLE "organisations" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
-- The language follow-up emails were written in becomes the organisation's default language.
UPDATE "organisations" o SET "language" = fs."language"
FROM "followup_settings" fs WHERE fs."organisation_id" = o."id";--> statement-breakpoint
ALTER TABLE "followup_settings" DROP COLUMN "language";

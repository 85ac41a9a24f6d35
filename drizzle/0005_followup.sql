CREATE TABLE "action_units" (
	"action_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	CONSTRAINT "action_units_action_id_unit_id_pk" PRIMARY KEY("action_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "progress_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"progress_update_id" uuid NOT NULL,
	"url" text,
	"file_name" text,
	"content_type" text,
	"size" integer,
	"data" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "progress_evidence_one" CHECK (("progress_evidence"."url" is null) <> ("progress_evidence"."data" is null))
);
--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id"),
	CONSTRAINT "calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "digest_subscriptions" (
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "digest_subscriptions_organisation_id_user_id_pk" PRIMARY KEY("organisation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "followup_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"send_hour" smallint DEFAULT 8 NOT NULL,
	"round_due_soon_days" smallint DEFAULT 7 NOT NULL,
	"round_overdue_every_days" smallint DEFAULT 7 NOT NULL,
	"action_due_soon_days" smallint DEFAULT 14 NOT NULL,
	"digest_weekday" smallint DEFAULT 1 NOT NULL,
	"closure_months" smallint DEFAULT 15 NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"reminders_enabled" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"to" jsonb NOT NULL,
	"language" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"unit_name" text,
	"evaluation_title" text,
	"action_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"round_id" uuid,
	"unit_id" uuid,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbox_status" CHECK ("outbox"."status" in ('pending', 'sending', 'sent', 'failed', 'interrupted'))
);
--> statement-breakpoint
CREATE TABLE "outbox_keys" (
	"key" text PRIMARY KEY NOT NULL,
	"message_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "followup_round_actions" (
	"round_unit_id" uuid NOT NULL,
	"action_id" uuid NOT NULL,
	CONSTRAINT "followup_round_actions_round_unit_id_action_id_pk" PRIMARY KEY("round_unit_id","action_id")
);
--> statement-breakpoint
CREATE TABLE "followup_round_evaluations" (
	"round_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	CONSTRAINT "followup_round_evaluations_round_id_evaluation_id_pk" PRIMARY KEY("round_id","evaluation_id")
);
--> statement-breakpoint
CREATE TABLE "followup_round_units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"link_version" integer DEFAULT 1 NOT NULL,
	"revoked_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "followup_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"due_on" date NOT NULL,
	"message" text,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "unit_focal_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"email" text,
	"name" text,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_focal_points_one" CHECK (("unit_focal_points"."user_id" is null) <> ("unit_focal_points"."email" is null))
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "state" text DEFAULT 'validated' NOT NULL;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "round_id" uuid;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "closed_by" text;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "closing_note" text;--> statement-breakpoint
ALTER TABLE "recommendations" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "action_units" ADD CONSTRAINT "action_units_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_units" ADD CONSTRAINT "action_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_evidence" ADD CONSTRAINT "progress_evidence_progress_update_id_progress_updates_id_fk" FOREIGN KEY ("progress_update_id") REFERENCES "public"."progress_updates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_subscriptions" ADD CONSTRAINT "digest_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_settings" ADD CONSTRAINT "followup_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_round_id_followup_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."followup_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_keys" ADD CONSTRAINT "outbox_keys_message_id_outbox_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_actions" ADD CONSTRAINT "followup_round_actions_round_unit_id_followup_round_units_id_fk" FOREIGN KEY ("round_unit_id") REFERENCES "public"."followup_round_units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_actions" ADD CONSTRAINT "followup_round_actions_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_evaluations" ADD CONSTRAINT "followup_round_evaluations_round_id_followup_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."followup_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_evaluations" ADD CONSTRAINT "followup_round_evaluations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_units" ADD CONSTRAINT "followup_round_units_round_id_followup_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."followup_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_round_units" ADD CONSTRAINT "followup_round_units_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_rounds" ADD CONSTRAINT "followup_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_focal_points" ADD CONSTRAINT "unit_focal_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_focal_points" ADD CONSTRAINT "unit_focal_points_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_units_unit" ON "action_units" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "progress_evidence_update" ON "progress_evidence" USING btree ("progress_update_id");--> statement-breakpoint
CREATE INDEX "outbox_pending" ON "outbox" USING btree ("due_at") WHERE "outbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "outbox_round" ON "outbox" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "followup_round_actions_action" ON "followup_round_actions" USING btree ("action_id");--> statement-breakpoint
CREATE UNIQUE INDEX "followup_round_units_unit" ON "followup_round_units" USING btree ("round_id","unit_id");--> statement-breakpoint
CREATE INDEX "followup_rounds_org" ON "followup_rounds" USING btree ("organisation_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_focal_points_user" ON "unit_focal_points" USING btree ("unit_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_focal_points_email" ON "unit_focal_points" USING btree ("unit_id",lower("email"));--> statement-breakpoint
CREATE INDEX "unit_focal_points_by_user" ON "unit_focal_points" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_org_name" ON "units" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "progress_updates_reported" ON "progress_updates" USING btree ("state") WHERE "progress_updates"."state" = 'reported';--> statement-breakpoint
-- Units written on memberships and invitations become records of the unit directory.
INSERT INTO "units" ("organisation_id", "name")
SELECT DISTINCT ON (organisation_id, lower(btrim(unit))) organisation_id, btrim(unit)
FROM (SELECT organisation_id, unit FROM "memberships" UNION ALL SELECT organisation_id, unit FROM "invitations") AS written
WHERE unit IS NOT NULL AND btrim(unit) <> ''
ORDER BY organisation_id, lower(btrim(unit));--> statement-breakpoint
UPDATE "memberships" m SET "unit_id" = u.id FROM "units" u
WHERE u.organisation_id = m.organisation_id AND lower(u.name) = lower(btrim(m.unit));--> statement-breakpoint
UPDATE "invitations" i SET "unit_id" = u.id FROM "units" u
WHERE u.organisation_id = i.organisation_id AND lower(u.name) = lower(btrim(i.unit));--> statement-breakpoint
-- Actions whose "Responsible unit(s)", whole or one of its parts (cut at , ; / & line breaks and
-- "and", "et", "y"), is such a unit's name (ignoring case) are linked to it. Words inside a longer
-- part do not count: "Not City coordinators" is not "City coordinators".
INSERT INTO "action_units" ("action_id", "unit_id")
SELECT DISTINCT a.id, u.id FROM "actions" a
CROSS JOIN LATERAL (
  SELECT btrim(a.responsible) AS part
  UNION SELECT btrim(p) FROM regexp_split_to_table(a.responsible, '(?i)[,;\n/&]|\s(?:and|et|y)\s') AS p
) AS parts
JOIN "units" u ON u.organisation_id = a.organisation_id AND lower(parts.part) = lower(u.name)
WHERE a.responsible IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
ALTER TABLE "invitations" DROP COLUMN "unit";--> statement-breakpoint
ALTER TABLE "memberships" DROP COLUMN "unit";--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_state" CHECK ("progress_updates"."state" in ('reported', 'validated', 'returned'));
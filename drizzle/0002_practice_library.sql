CREATE TABLE "frameworks" (
	"id" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "frameworks_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "assessment_marks" (
	"practice_id" uuid NOT NULL,
	"item_id" text NOT NULL,
	"mark" text NOT NULL,
	CONSTRAINT "assessment_marks_practice_id_item_id_pk" PRIMARY KEY("practice_id","item_id"),
	CONSTRAINT "assessment_marks_mark" CHECK ("assessment_marks"."mark" in ('met', 'not_met', 'not_applicable', 'not_assessed'))
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"practice_id" uuid PRIMARY KEY NOT NULL,
	"framework_id" text NOT NULL,
	"framework_version" integer NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "practice_facet_counts" (
	"organisation_id" uuid NOT NULL,
	"status" text NOT NULL,
	"facet" text NOT NULL,
	"value" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "practice_facet_counts_organisation_id_status_facet_value_pk" PRIMARY KEY("organisation_id","status","facet","value")
);
--> statement-breakpoint
CREATE TABLE "practices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"organisations" text[] DEFAULT '{}'::text[] NOT NULL,
	"country" text,
	"region" text,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"period" text,
	"funding_sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"review_comment" text,
	"fully_met_criteria" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" DEFAULT ''::tsvector NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "practices_status" CHECK ("practices"."status" in ('draft', 'in_review', 'published'))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "practice_id" uuid;--> statement-breakpoint
ALTER TABLE "actions" ADD COLUMN "item_id" text;--> statement-breakpoint
ALTER TABLE "assessment_marks" ADD CONSTRAINT "assessment_marks_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practices" ADD CONSTRAINT "practices_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_marks_item" ON "assessment_marks" USING btree ("item_id","mark");--> statement-breakpoint
CREATE INDEX "practices_search" ON "practices" USING gin ("search");--> statement-breakpoint
CREATE INDEX "practices_org_status_title" ON "practices" USING btree ("organisation_id","status","title");--> statement-breakpoint
CREATE INDEX "practices_target_groups" ON "practices" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "practices_areas" ON "practices" USING gin ("areas");--> statement-breakpoint
CREATE INDEX "practices_fully_met" ON "practices" USING gin ("fully_met_criteria");--> statement-breakpoint
CREATE INDEX "practices_country" ON "practices" USING btree ("country");--> statement-breakpoint
CREATE INDEX "practices_facets" ON "practices" USING btree ("organisation_id","status","country","target_groups","areas","fully_met_criteria");--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_practice" ON "actions" USING btree ("practice_id","item_id");
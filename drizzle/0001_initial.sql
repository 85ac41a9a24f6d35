CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"recommendation_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"timeframe" text,
	"due_from" date,
	"due_to" date,
	"due_inferred" boolean DEFAULT false NOT NULL,
	"responsible" text,
	"funding_conditional" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"comments" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actions_status" CHECK ("actions"."status" in ('not_initiated', 'initiated', 'completed', 'no_longer_applicable', 'open', 'discarded')),
	CONSTRAINT "actions_due_order" CHECK ("actions"."due_from" is null or "actions"."due_to" is null or "actions"."due_from" <= "actions"."due_to"),
	CONSTRAINT "actions_due_needs_to" CHECK ("actions"."due_from" is null or "actions"."due_to" is not null)
);
--> statement-breakpoint
CREATE TABLE "progress_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"recorded_on" date NOT NULL,
	"author" text NOT NULL,
	"comment" text,
	"status_from" text,
	"status_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer,
	"period" text,
	"evaluators" text,
	"owner" text,
	"published_on" date,
	"overall_comment" text,
	"status_template" text DEFAULT 'classic' NOT NULL,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_status_template" CHECK ("evaluations"."status_template" in ('classic', '2022'))
);
--> statement-breakpoint
CREATE TABLE "recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"addressed_to" text,
	"priority" smallint,
	"priority_justification" text,
	"response" text,
	"response_text" text,
	"status" text,
	"comments" text,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "recommendations_priority" CHECK ("recommendations"."priority" between 1 and 3),
	CONSTRAINT "recommendations_response" CHECK ("recommendations"."response" in ('accepted', 'partially_accepted', 'rejected')),
	CONSTRAINT "recommendations_status" CHECK ("recommendations"."status" in ('open', 'discarded', 'completed'))
);
--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_updates" ADD CONSTRAINT "progress_updates_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendations" ADD CONSTRAINT "recommendations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_recommendation" ON "actions" USING btree ("recommendation_id","position");--> statement-breakpoint
CREATE INDEX "actions_org_due" ON "actions" USING btree ("organisation_id",coalesce("due_to", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "actions_org_status_due" ON "actions" USING btree ("organisation_id","status","due_to");--> statement-breakpoint
CREATE INDEX "actions_responsible_trgm" ON "actions" USING gin ("responsible" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "progress_updates_action" ON "progress_updates" USING btree ("action_id","recorded_on");--> statement-breakpoint
CREATE INDEX "evaluations_org_created" ON "evaluations" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "recommendations_evaluation" ON "recommendations" USING btree ("evaluation_id","position");
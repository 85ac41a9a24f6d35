CREATE TABLE "recommendation_practices" (
	"recommendation_id" uuid NOT NULL,
	"practice_id" uuid NOT NULL,
	"linked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_practices_recommendation_id_practice_id_pk" PRIMARY KEY("recommendation_id","practice_id")
);
--> statement-breakpoint
ALTER TABLE "recommendation_practices" ADD CONSTRAINT "recommendation_practices_recommendation_id_recommendations_id_fk" FOREIGN KEY ("recommendation_id") REFERENCES "public"."recommendations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_practices" ADD CONSTRAINT "recommendation_practices_practice_id_practices_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recommendation_practices_practice" ON "recommendation_practices" USING btree ("practice_id");
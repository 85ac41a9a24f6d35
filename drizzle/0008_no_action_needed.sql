ALTER TABLE "actions" ADD COLUMN "no_action_needed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Rows written "N/A", "N/A as already developed", "Not applicable" (and their French and Spanish
-- forms) asked for nothing; until now that was read from the text each time.
UPDATE "actions" SET "no_action_needed" = true
WHERE "text" ~* '^\s*(n\s*/\s*a|not applicable|non applicable|sans objet|no aplica|no procede)\M';

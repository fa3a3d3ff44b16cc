DROP TABLE "crm_preferences" CASCADE;--> statement-breakpoint
ALTER TABLE "crm_customers" ALTER COLUMN "full_name" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "crm_customers" drop column "search";--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "search" text GENERATED ALWAYS AS (lower("crm_customers"."full_name" || ' ' || coalesce("crm_customers"."email", '') || ' ' || coalesce("crm_customers"."phone", ''))) STORED NOT NULL;--> statement-breakpoint
-- Hand-written: dropping the column dropped its index; drizzle-kit's snapshot still has it.
CREATE INDEX "crm_customers_search_idx" ON "crm_customers" USING gin ("business_id","search" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "crm_customers" DROP COLUMN "first_name";--> statement-breakpoint
ALTER TABLE "crm_customers" DROP COLUMN "last_name";--> statement-breakpoint
ALTER TABLE "crm_customers" DROP COLUMN "marketing_consent";
CREATE TYPE "public"."customer_gender" AS ENUM('male', 'female', 'other');--> statement-breakpoint
CREATE TYPE "public"."crm_note_type" AS ENUM('personal', 'preference', 'issue', 'feedback');--> statement-breakpoint
CREATE TABLE "crm_contact_preferences" (
	"crm_customer_id" uuid PRIMARY KEY NOT NULL,
	"business_id" uuid NOT NULL,
	"prefer_sms" boolean DEFAULT true NOT NULL,
	"prefer_email" boolean DEFAULT false NOT NULL,
	"prefer_call" boolean DEFAULT false NOT NULL,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"can_receive_offers" boolean DEFAULT true NOT NULL,
	"can_receive_loyalty" boolean DEFAULT true NOT NULL,
	"best_contact_time" text,
	"favorite_products" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_payment" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "businesses" ADD COLUMN "country" text DEFAULT 'US' NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "crm_customer_tags" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "full_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "gender" "customer_gender";--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "avatar_key" text;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "overridden_fields" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "total_items_bought" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "appointment_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_customers" ADD COLUMN "last_appointment_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crm_notes" ADD COLUMN "note_type" "crm_note_type" DEFAULT 'personal' NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "items" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "purchases" ADD COLUMN "recorded_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "crm_contact_preferences" ADD CONSTRAINT "crm_contact_preferences_crm_customer_id_crm_customers_id_fk" FOREIGN KEY ("crm_customer_id") REFERENCES "public"."crm_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_contact_preferences" ADD CONSTRAINT "crm_contact_preferences_business_id_businesses_id_fk" FOREIGN KEY ("business_id") REFERENCES "public"."businesses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crm_contact_preferences_business_idx" ON "crm_contact_preferences" USING btree ("business_id");--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crm_customer_tags" ADD CONSTRAINT "crm_customer_tags_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appointments_customer_idx" ON "appointments" USING btree ("business_id","crm_customer_id","starts_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_job_key" ON "appointments" USING btree ("business_id","job_id") WHERE "appointments"."job_id" is not null;--> statement-breakpoint
-- Backfill (hand-written): the contract's fields from what the records already hold.
UPDATE "crm_customers" SET "full_name" = btrim("first_name" || ' ' || "last_name");--> statement-breakpoint
UPDATE "crm_customers" SET "total_items_bought" = "purchase_count";--> statement-breakpoint
UPDATE "crm_customers" c SET "appointment_count" = a.n, "last_appointment_at" = a.last
FROM (SELECT "crm_customer_id", count(*)::int AS n, max("starts_at") AS last FROM "appointments" WHERE "status" = 'completed' GROUP BY 1) a
WHERE a."crm_customer_id" = c."id";--> statement-breakpoint
INSERT INTO "crm_contact_preferences" ("crm_customer_id", "business_id", "can_receive_offers")
SELECT "id", "business_id", false FROM "crm_customers" WHERE NOT "marketing_consent";--> statement-breakpoint
UPDATE "crm_notes" SET "body" = left("body", 500) WHERE char_length("body") > 500;--> statement-breakpoint
ALTER TABLE "crm_notes" ADD CONSTRAINT "crm_notes_length" CHECK (char_length("crm_notes"."body") between 1 and 500);--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_items_positive" CHECK ("purchases"."items" > 0);--> statement-breakpoint
ALTER TABLE "purchases" ADD CONSTRAINT "purchases_amount_not_negative" CHECK ("purchases"."amount_minor" >= 0);
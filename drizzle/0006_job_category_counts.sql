CREATE TABLE "profile_job_categories" (
	"customer_id" uuid NOT NULL,
	"category" text NOT NULL,
	"jobs" integer NOT NULL,
	CONSTRAINT "profile_job_categories_customer_id_category_pk" PRIMARY KEY("customer_id","category")
);
--> statement-breakpoint
ALTER TABLE "profile_job_categories" ADD CONSTRAINT "profile_job_categories_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The counts of the jobs already posted; from now on postJob keeps them in its transaction.
INSERT INTO "profile_job_categories" ("customer_id", "category", "jobs")
SELECT "customer_id", "category", count(*)::int FROM "jobs" GROUP BY "customer_id", "category";

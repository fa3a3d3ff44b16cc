-- The directory (0011) searches name, email and phone digits through their own indexes; this older
-- combined column and its trigram index were only kept up to date, on every write of a record.
DROP INDEX "crm_customers_search_idx";--> statement-breakpoint
ALTER TABLE "crm_customers" DROP COLUMN "search";
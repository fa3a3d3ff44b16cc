-- Trigram search and composite GIN indexes (business_id, search); available on PGlite, Postgres and Neon.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;

DROP INDEX "cron_runs_job_idx";--> statement-breakpoint
DROP INDEX "bookings_provider_idx";--> statement-breakpoint
DROP INDEX "customer_reviews_recent_idx";--> statement-breakpoint
DROP INDEX "customer_reviews_rating_idx";--> statement-breakpoint
DROP INDEX "job_applications_provider_idx";--> statement-breakpoint
DROP INDEX "jobs_customer_created_idx";--> statement-breakpoint
DROP INDEX "jobs_open_idx";--> statement-breakpoint
DROP INDEX "profile_views_customer_idx";--> statement-breakpoint
DROP INDEX "order_snapshots_customer_idx";--> statement-breakpoint
DROP INDEX "crm_customers_list_idx";--> statement-breakpoint
DROP INDEX "crm_notes_customer_idx";--> statement-breakpoint
DROP INDEX "purchases_customer_idx";--> statement-breakpoint
DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
DROP INDEX "audit_log_business_entity_idx";--> statement-breakpoint
DROP INDEX "event_outbox_status_seq_idx";--> statement-breakpoint
DROP INDEX "event_outbox_seq_idx";--> statement-breakpoint
CREATE INDEX "bookings_provider_idx" ON "bookings" USING btree ("provider_business_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "customer_reviews_recent_idx" ON "customer_reviews" USING btree ("customer_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "customer_reviews"."is_visible";--> statement-breakpoint
CREATE INDEX "customer_reviews_rating_idx" ON "customer_reviews" USING btree ("customer_id","rating","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "customer_reviews"."is_visible";--> statement-breakpoint
CREATE INDEX "job_applications_provider_idx" ON "job_applications" USING btree ("provider_business_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "jobs_customer_created_idx" ON "jobs" USING btree ("customer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "jobs_open_idx" ON "jobs" USING btree ("created_at" DESC NULLS FIRST) WHERE "jobs"."status" = 'open';--> statement-breakpoint
CREATE INDEX "profile_views_customer_idx" ON "profile_views" USING btree ("customer_id","viewed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "order_snapshots_customer_idx" ON "order_snapshots" USING btree ("customer_id","placed_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "crm_customers_list_idx" ON "crm_customers" USING btree ("business_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "crm_notes_customer_idx" ON "crm_notes" USING btree ("business_id","crm_customer_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "purchases_customer_idx" ON "purchases" USING btree ("business_id","crm_customer_id","purchased_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_business_entity_idx" ON "audit_log" USING btree ("business_id","entity_type","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "event_outbox_status_seq_idx" ON "event_outbox" USING btree ("status","seq" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "event_outbox_seq_idx" ON "event_outbox" USING btree ("seq" DESC NULLS FIRST);
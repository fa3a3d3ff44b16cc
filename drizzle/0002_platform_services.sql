CREATE TYPE "public"."cron_outcome" AS ENUM('running', 'succeeded', 'failed', 'abandoned');--> statement-breakpoint
CREATE TABLE "cron_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job" text NOT NULL,
	"outcome" "cron_outcome" DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"result" jsonb,
	"error" text,
	"trace_id" text
);
--> statement-breakpoint
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "audit_log_business_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "cron_runs_one_running_idx" ON "cron_runs" USING btree ("job") WHERE "cron_runs"."outcome" = 'running';--> statement-breakpoint
CREATE INDEX "cron_runs_job_idx" ON "cron_runs" USING btree ("job","started_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rate_limits_expire_idx" ON "rate_limits" USING btree ("expire");--> statement-breakpoint
CREATE INDEX "audit_log_business_entity_idx" ON "audit_log" USING btree ("business_id","entity_type","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "event_outbox_sent_idx" ON "event_outbox" USING btree ("sent_at") WHERE "event_outbox"."status" = 'sent';--> statement-breakpoint
CREATE INDEX "event_outbox_status_seq_idx" ON "event_outbox" USING btree ("status","seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "event_outbox_seq_idx" ON "event_outbox" USING btree ("seq" DESC NULLS LAST);
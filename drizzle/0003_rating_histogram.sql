ALTER TABLE "profile_stats" ADD COLUMN "rating1_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_stats" ADD COLUMN "rating2_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_stats" ADD COLUMN "rating3_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_stats" ADD COLUMN "rating4_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_stats" ADD COLUMN "rating5_count" integer DEFAULT 0 NOT NULL;
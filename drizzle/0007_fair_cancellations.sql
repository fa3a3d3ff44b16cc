ALTER TABLE "profile_stats" ADD COLUMN "jobs_withdrawn" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_stats" ADD COLUMN "jobs_cancelled_by_provider" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- A cancellation used to count against the customer whoever cancelled, booked or not. From now on
-- jobs_cancelled counts only the customer calling off a job after booking a provider; withdrawing a
-- job before booking anyone (jobs_withdrawn) and the booked provider cancelling
-- (jobs_cancelled_by_provider) are counted apart and count against nobody. Every row is recounted
-- from who cancelled (jobs.cancelled_by) and whether the job has a booking, as
-- lib/customer-profile/stats-definition.ts defines them. The ALTERs above hold profile_stats locked
-- until this transaction commits, so no step can count in between.
UPDATE "profile_stats" AS s
SET "jobs_cancelled" = c.cancelled, "jobs_withdrawn" = c.withdrawn, "jobs_cancelled_by_provider" = c.by_provider
FROM (
  SELECT p."customer_id",
    count(j."id") FILTER (WHERE j."cancelled_by" = 'customer' AND b."id" IS NOT NULL)::int AS cancelled,
    count(j."id") FILTER (WHERE j."cancelled_by" = 'customer' AND b."id" IS NULL)::int AS withdrawn,
    count(j."id") FILTER (WHERE j."cancelled_by" = 'provider')::int AS by_provider
  FROM "profile_stats" p
  LEFT JOIN "jobs" j ON j."customer_id" = p."customer_id" AND j."status" = 'cancelled'
  LEFT JOIN "bookings" b ON b."job_id" = j."id" AND b."customer_id" = j."customer_id"
  GROUP BY p."customer_id"
) c
WHERE c."customer_id" = s."customer_id"
  AND (s."jobs_cancelled", s."jobs_withdrawn", s."jobs_cancelled_by_provider")
    IS DISTINCT FROM (c.cancelled, c.withdrawn, c.by_provider);

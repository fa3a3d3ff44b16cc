/**
 * What the job lists accept: the open jobs on the marketplace (GET /api/jobs), the acting provider
 * business's own work (GET /api/provider/jobs) and the signed-in customer's own jobs
 * (GET /api/customer/jobs). All are keyset pages of jobs, newest first, paged alike.
 */
import { z } from "zod";
import { jobStatus } from "@/db/schema";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { JOB_CATEGORIES } from "@/lib/marketplace/jobs/categories";

export const JOBS_PAGE_DEFAULT = 20;
export const JOBS_PAGE_MAX = 50;

/**
 * Where the acting provider stands with a job it applied to:
 * - applied: its application is pending and the job still open;
 * - booked: it holds the booking and the work is still to be done;
 * - completed: it did the work;
 * - closed: everything else (the job was cancelled, or its application was declined or withdrawn).
 */
export const PROVIDER_JOB_STAGES = ["applied", "booked", "completed", "closed"] as const;
export type ProviderJobStage = (typeof PROVIDER_JOB_STAGES)[number];

const limit = pageLimit(JOBS_PAGE_MAX, JOBS_PAGE_DEFAULT, "Jobs");
const cursor = pageCursor();

export const openJobsQuery = z.object({
  category: z
    .enum(JOB_CATEGORIES, "Choose one of the marketplace's job categories.")
    .optional()
    .meta({ description: "Only jobs of this category (one of the marketplace's categories, exactly as listed)." }),
  limit,
  cursor,
});
export type OpenJobsQuery = z.output<typeof openJobsQuery>;

export const providerJobsQuery = z.object({
  stage: z
    .enum(PROVIDER_JOB_STAGES, "Choose applied, booked, completed or closed.")
    .optional()
    .meta({
      description:
        "applied: your application is pending on an open job; booked: you hold the booking; completed: you did the work; " +
        "closed: the job was cancelled or your application declined or withdrawn. Omit for every stage.",
    }),
  limit,
  cursor,
});
export type ProviderJobsQuery = z.output<typeof providerJobsQuery>;

export const customerJobsQuery = z.object({
  status: z
    .enum(jobStatus.enumValues, "Filter by open, booked, completed or cancelled.")
    .optional()
    .meta({ description: "Only jobs in this status; omit for all." }),
  limit,
  cursor,
});
export type CustomerJobsQuery = z.output<typeof customerJobsQuery>;

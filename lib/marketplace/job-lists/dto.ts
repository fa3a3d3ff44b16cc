/**
 * What the job lists send back. Every field is named and every object strict, and the list
 * functions parse their answer through these schemas, so a column added to a query cannot reach a
 * response by accident.
 * - The providers' lists name a job's customer by id only: a provider reads who the customer is
 *   through the profile API, which applies the customer's visibility choice.
 * - The customer's own list names the booked provider, because the customer chose them; applicants
 *   who were not booked are not (the job page lists those).
 */
import { z } from "zod";
import { applicationStatus, jobStatus } from "@/db/schema";
import { keysetPagination } from "@/lib/http/keyset";
import { PROVIDER_JOB_STAGES } from "./inputs";
import { at } from "@/lib/dto";

/** How much of a description a list shows; the job page has the rest. */
export const DESCRIPTION_PREVIEW_CHARS = 280;

export const openJobDto = z
  .strictObject({
    job_id: z.uuid(),
    customer_id: z.uuid(),
    title: z.string(),
    category: z.string(),
    description: z
      .string()
      .meta({ description: `The first ${DESCRIPTION_PREVIEW_CHARS} characters or so, cut at a word.` }),
    description_truncated: z
      .boolean()
      .meta({ description: "True when `description` is a preview; GET /api/jobs/{jobId} has it whole." }),
    budget_minor: z
      .int()
      .nullable()
      .meta({ description: "In minor units of `currency`; null when the customer gave no budget." }),
    currency: z.string().length(3),
    scheduled_for: at.nullable(),
    created_at: at,
    applied: z.boolean().meta({ description: "Whether your business has applied to this job (it can apply once)." }),
    application_count: z.int().min(0).meta({ description: "Applications still pending, yours included." }),
  })
  .meta({ id: "OpenJob" });
export type OpenJobDto = z.infer<typeof openJobDto>;

export const openJobsPageDto = z
  .strictObject({ jobs: z.array(openJobDto), pagination: keysetPagination })
  .meta({ id: "OpenJobsPage" });
export type OpenJobsPageDto = z.infer<typeof openJobsPageDto>;

export const providerJobDto = z
  .strictObject({
    job_id: z.uuid(),
    customer_id: z.uuid(),
    title: z.string(),
    category: z.string(),
    job_status: z.enum(jobStatus.enumValues),
    application_status: z.enum(applicationStatus.enumValues),
    stage: z.enum(PROVIDER_JOB_STAGES).meta({ description: "Where you stand with the job (see the `stage` filter)." }),
    applied_at: at,
    booked: z.boolean().meta({
      description: "Whether your business holds the job's booking (it stays true if the booked job is then cancelled).",
    }),
    completed_at: at.nullable(),
  })
  .meta({ id: "ProviderJob" });
export type ProviderJobDto = z.infer<typeof providerJobDto>;

export const providerJobsPageDto = z
  .strictObject({ jobs: z.array(providerJobDto), pagination: keysetPagination })
  .meta({ id: "ProviderJobsPage" });
export type ProviderJobsPageDto = z.infer<typeof providerJobsPageDto>;

export const customerJobDto = z
  .strictObject({
    job_id: z.uuid(),
    title: z.string(),
    category: z.string(),
    status: z.enum(jobStatus.enumValues),
    created_at: at,
    scheduled_for: at.nullable().meta({ description: "When the customer wants the work done, if they said." }),
    budget_minor: z.int().nullable().meta({ description: "Integer minor units of `currency`; null: no budget given." }),
    currency: z.string().length(3),
    pending_applications: z.int().min(0).meta({ description: "Applications still waiting for the customer's answer." }),
    booked_provider_name: z.string().nullable().meta({
      description:
        "The provider business booked for the job (kept after completion or cancellation); null if never booked.",
    }),
  })
  .meta({ id: "CustomerJob" });
export type CustomerJobDto = z.infer<typeof customerJobDto>;

export const customerJobsPageDto = z
  .strictObject({ jobs: z.array(customerJobDto), pagination: keysetPagination })
  .meta({ id: "CustomerJobPage", description: "A page of the signed-in customer's jobs, newest first." });
export type CustomerJobsPageDto = z.infer<typeof customerJobsPageDto>;

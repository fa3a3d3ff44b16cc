/**
 * What GET /api/customer/jobs sends back: the signed-in customer's own jobs as list rows. Strict,
 * every field named, so a column added to the query cannot reach the response unnoticed. The
 * booked provider is named because the customer chose them; applicants who were not booked are
 * not, the job page lists those.
 */
import { z } from "zod";
import { jobStatus } from "@/db/schema";
import { keysetPagination } from "@/lib/http/keyset";
import { at } from "./dto";

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

/**
 * What the job routes send back: one job as its viewer may see it, and a job's status after a
 * step. Every field is named and every object strict; a job names its customer only by id (a
 * provider looks them up through the profile API, which decides what it may see); never an email,
 * phone or address.
 */
import { z } from "zod";
import { applicationStatus, partyRole, jobStatus } from "@/db/schema";
import { at } from "@/lib/dto";

const status = z.enum(jobStatus.enumValues);
const party = z.enum(partyRole.enumValues);

export const applicationDto = z
  .strictObject({
    application_id: z.uuid(),
    provider_business_id: z.uuid(),
    provider_name: z.string(),
    message: z.string(),
    status: z.enum(applicationStatus.enumValues),
    created_at: at,
  })
  .meta({ id: "JobApplication" });
export type ApplicationDto = z.infer<typeof applicationDto>;
export const jobReviewDto = z
  .strictObject({
    review_id: z.uuid(),
    provider_business_id: z.uuid(),
    rating: z.int().min(1).max(5),
    comment: z.string(),
    is_visible: z.boolean(),
    disputed_at: at.nullable(),
    /** When a platform administrator last decided about the review (hid, showed or kept it). */
    moderated_at: at.nullable(),
    created_at: at,
  })
  .meta({ id: "JobReview" });
export type JobReviewDto = z.infer<typeof jobReviewDto>;
export const jobDto = z
  .strictObject({
    job_id: z.uuid(),
    customer_id: z.uuid(),
    title: z.string(),
    category: z.string(),
    description: z.string(),
    budget_minor: z.int().nullable(),
    currency: z.string().length(3),
    scheduled_for: at.nullable(),
    status,
    created_at: at,
    completed_at: at.nullable(),
    cancelled_at: at.nullable(),
    cancelled_by: party.nullable(),
    /** Which side the caller is on: it decides which applications and reviews are listed. */
    viewer: party,
    /**
     * The booking, if the job is booked. `provider_business_id` names the booked provider for the
     * customer and for that provider only: any other provider sees null (it learns that the job is
     * taken, not by whom).
     */
    booking: z
      .strictObject({ booking_id: z.uuid(), provider_business_id: z.uuid().nullable(), booked_at: at })
      .nullable(),
    /** The customer sees every application; a provider only its own. */
    applications: z.array(applicationDto),
    /** The customer sees every review of the job; a provider only its own. */
    reviews: z.array(jobReviewDto),
  })
  .meta({ id: "Job" });
export type JobDto = z.infer<typeof jobDto>;
export const jobStatusDto = z
  .strictObject({
    job_id: z.uuid(),
    status,
    completed_at: at.nullable(),
    cancelled_at: at.nullable(),
    cancelled_by: party.nullable(),
  })
  .meta({ id: "JobStatus" });
export type JobStatusDto = z.infer<typeof jobStatusDto>;

/**
 * What the marketplace routes send back. Every field is named here, and every object is strict, so
 * the route tests (which parse each body with these schemas) fail on any field nobody named. A job names its customer only by id (a provider looks them up through the profile API,
 * which decides what it may see); never an email, phone or address.
 */
import { z } from "zod";
import { applicationStatus, jobStatus, partyRole, providerVisibility } from "@/db/schema";

/** A time in a response: ISO 8601 in UTC (see iso() below). */
export const at = z.iso.datetime();
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
    booking: z.strictObject({ booking_id: z.uuid(), provider_business_id: z.uuid(), booked_at: at }).nullable(),
    /** The customer sees every application; a provider only its own. */
    applications: z.array(applicationDto),
    /** The customer sees every review of the job; a provider only its own. */
    reviews: z.array(jobReviewDto),
  })
  .meta({ id: "Job" });
export type JobDto = z.infer<typeof jobDto>;

export const applicationCreatedDto = z
  .strictObject({ application_id: z.uuid(), job_id: z.uuid(), status: z.literal("pending"), created_at: at })
  .meta({ id: "ApplicationCreated" });
export type ApplicationCreatedDto = z.infer<typeof applicationCreatedDto>;

export const bookingDto = z
  .strictObject({
    booking_id: z.uuid(),
    job_id: z.uuid(),
    application_id: z.uuid(),
    provider_business_id: z.uuid(),
    status: z.literal("booked"),
    declined_application_ids: z.array(z.uuid()),
    booked_at: at,
  })
  .meta({ id: "Booking" });
export type BookingDto = z.infer<typeof bookingDto>;

export const messageDto = z
  .strictObject({
    message_id: z.uuid(),
    job_id: z.uuid(),
    provider_business_id: z.uuid(),
    sender_role: party,
    body: z.string(),
    created_at: at,
  })
  .meta({ id: "JobMessage" });
export type MessageDto = z.infer<typeof messageDto>;

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

export const reviewCreatedDto = z
  .strictObject({
    review_id: z.uuid(),
    job_id: z.uuid(),
    customer_id: z.uuid(),
    provider_business_id: z.uuid(),
    rating: z.int().min(1).max(5),
    comment: z.string(),
    job_category: z.string(),
    is_visible: z.boolean(),
    created_at: at,
  })
  .meta({ id: "ReviewCreated" });
export type ReviewCreatedDto = z.infer<typeof reviewCreatedDto>;

export const disputeDto = z
  .strictObject({ review_id: z.uuid(), job_id: z.uuid(), disputed_at: at })
  .meta({ id: "ReviewDispute" });
export type DisputeDto = z.infer<typeof disputeDto>;

export const reviewVisibilityDto = z
  .strictObject({
    review_id: z.uuid(),
    is_visible: z.boolean(),
    /** False when the review already had this visibility: the administrator kept it as it was (still a recorded decision). */
    changed: z.boolean(),
  })
  .meta({ id: "ReviewVisibility" });
export type ReviewVisibilityDto = z.infer<typeof reviewVisibilityDto>;

export const providerVisibilityDto = z
  .strictObject({ customer_id: z.uuid(), visibility: z.enum(providerVisibility.enumValues), changed: z.boolean() })
  .meta({ id: "ProviderVisibility" });
export type ProviderVisibilityDto = z.infer<typeof providerVisibilityDto>;

/** Dates from the database (drivers differ: Date or string) as ISO strings. */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

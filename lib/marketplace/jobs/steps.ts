/**
 * Which steps the viewer of a job may take next, read from the JobDto they were given: the page
 * offers exactly these, so no button can only fail. The rules mirror the data functions' guards
 * (lib/authz/policy.ts and the state checks in jobs, lifecycle, reviews and withdraw); the server
 * still decides, and job-steps.test.ts holds the two together by trying every step against it.
 */
import type { ApplicationDto, JobDto } from "./dto";

export type JobSteps = {
  /** Customer: the applications that can be booked. */
  bookable: string[];
  /** Customer: the reviews of this job that can still be disputed. */
  disputable: string[];
  /** Provider: may apply (the job is open and the business has not applied). */
  apply: boolean;
  /** Provider: its own application, withdrawable while pending on an open job. */
  withdraw: string | null;
  /** Either party of the booking, on a booked job. */
  complete: boolean;
  /** The customer while open or booked; the booked provider while booked. */
  cancel: boolean;
  /** The booked provider, once completed, if it has not reviewed yet. */
  review: boolean;
};

/** The provider's own application (a provider's JobDto lists no other). */
export function ownApplication(job: JobDto): ApplicationDto | null {
  return job.viewer === "provider" ? (job.applications[0] ?? null) : null;
}

/** Whether the viewing provider holds the job's booking. */
export function holdsBooking(job: JobDto): boolean {
  const own = ownApplication(job);
  return own !== null && job.booking?.provider_business_id === own.provider_business_id;
}

export function jobSteps(job: JobDto): JobSteps {
  const open = job.status === "open";
  const booked = job.status === "booked" && job.booking !== null;
  if (job.viewer === "customer") {
    return {
      bookable: open ? job.applications.filter((a) => a.status === "pending").map((a) => a.application_id) : [],
      disputable: job.reviews.filter((r) => r.disputed_at === null).map((r) => r.review_id),
      apply: false,
      withdraw: null,
      complete: booked,
      cancel: open || booked,
      review: false,
    };
  }
  const own = ownApplication(job);
  const mine = holdsBooking(job);
  return {
    bookable: [],
    disputable: [],
    apply: open && own === null,
    withdraw: open && own?.status === "pending" ? own.application_id : null,
    complete: booked && mine,
    cancel: booked && mine,
    review: job.status === "completed" && mine && job.reviews.length === 0,
  };
}

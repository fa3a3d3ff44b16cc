/**
 * The message threads of a job and who may write in each: one rule, used both by the write path
 * (sendJobMessage) and by the job page (threadsOf), so a form is shown exactly where a message
 * would be accepted, and a closed thread says why in the same words the refusal does.
 *
 * A thread belongs to one provider business that applied. It takes messages while the job is open
 * and the application pending; once the job is booked (and after completion), only the booked
 * provider's thread does; a cancelled job's threads are all closed. Closed threads stay readable.
 */
import type { JobSide } from "@/lib/authz/policy";
import { conflict, forbidden, unprocessable, type AppError } from "@/lib/errors";
import type { ApplicationDto, JobDto } from "@/lib/marketplace/jobs/dto";

/** What the rule needs to know about one thread of a job. */
export type ThreadFacts = {
  jobStatus: JobDto["status"];
  /** The provider business holding the booking, if any. */
  bookedProviderId: string | null;
  /** The thread's provider business. */
  providerBusinessId: string;
  /** Its application to the job; null when it never applied (so there is no thread). */
  applicationStatus: ApplicationDto["status"] | null;
};

export type ThreadAccess =
  | { canWrite: true }
  /** `closedReason` is said to the viewer; `refusal` is what the write path answers, with the same message. */
  | { canWrite: false; closedReason: string; refusal: () => AppError };

const JOB_CANCELLED = "This job was cancelled, so its conversation is closed.";

const closed = (closedReason: string, refuse: (message: string) => AppError): ThreadAccess => ({
  canWrite: false,
  closedReason,
  refusal: () => refuse(closedReason),
});

const withdrew = (customer: boolean) =>
  customer
    ? "This provider withdrew their application, so this conversation is closed."
    : "You withdrew your application, so this conversation is closed.";

/** Whether `viewer` (the job's customer, or the thread's own provider) may write in this thread, and if not, why. */
export function threadAccess(viewer: JobSide, t: ThreadFacts): ThreadAccess {
  const customer = viewer === "customer";
  if (t.jobStatus === "cancelled") return closed(JOB_CANCELLED, (m) => conflict(m, "job_closed"));

  if (t.applicationStatus === null) {
    if (t.jobStatus === "open") {
      return customer
        ? closed("That provider has not applied to this job.", (m) => unprocessable(m, "not_an_applicant"))
        : closed("Apply to this job before messaging the customer.", (m) => forbidden("not_applied", m));
    }
    return customer
      ? closed("This job is booked with another provider.", (m) => conflict(m, "thread_closed"))
      : closed("This job was booked with another provider.", (m) => forbidden("not_booked_provider", m));
  }

  if (t.jobStatus === "open") {
    if (t.applicationStatus === "pending") return { canWrite: true };
    // Withdrawn; an application is declined only when the job is booked or cancelled.
    return closed(withdrew(customer), (m) => conflict(m, "thread_closed"));
  }

  // Booked or completed: the conversation goes on with the booked provider only.
  if (t.bookedProviderId === t.providerBusinessId) return { canWrite: true };
  if (customer) {
    const reason =
      t.applicationStatus === "withdrawn"
        ? withdrew(true)
        : "You booked another provider for this job, so this conversation is closed.";
    return closed(reason, (m) => conflict(m, "thread_closed"));
  }
  const reason =
    t.applicationStatus === "withdrawn"
      ? withdrew(false)
      : "The customer booked another provider for this job, so this conversation is closed.";
  return closed(reason, (m) => forbidden("not_booked_provider", m));
}

/**
 * The provider business whose thread the caller means: the one the customer names (required), a
 * provider's own (naming another is refused). Reading and writing refuse these in their own words.
 */
export function threadProviderOf(
  side: JobSide,
  ownProvider: string | null,
  named: string | undefined,
  refuse: { unnamed: () => AppError; notOwn: () => AppError },
): string {
  if (side === "customer") {
    if (!named) throw refuse.unnamed();
    return named;
  }
  if (named && named !== ownProvider) throw refuse.notOwn();
  return ownProvider!;
}

export type ThreadOfJob = {
  provider_business_id: string;
  counterpart_name: string;
  can_write: boolean;
  closed_reason: string | null;
};

/**
 * The threads the viewer of `job` has: the customer, one per provider that applied (the booked
 * provider's first); a provider, its own if it applied (the job shows it only its own application).
 */
export function threadsOf(job: JobDto): ThreadOfJob[] {
  const bookedProviderId = job.booking?.provider_business_id ?? null;
  const applications =
    job.viewer === "customer"
      ? [...job.applications].sort(
          (a, b) =>
            Number(b.provider_business_id === bookedProviderId) - Number(a.provider_business_id === bookedProviderId),
        )
      : job.applications.slice(0, 1);
  return applications.map((application) => {
    const access = threadAccess(job.viewer, {
      jobStatus: job.status,
      bookedProviderId,
      providerBusinessId: application.provider_business_id,
      applicationStatus: application.status,
    });
    return {
      provider_business_id: application.provider_business_id,
      counterpart_name: job.viewer === "customer" ? application.provider_name : "The customer",
      can_write: access.canWrite,
      closed_reason: access.canWrite ? null : access.closedReason,
    };
  });
}

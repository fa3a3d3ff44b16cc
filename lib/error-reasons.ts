/**
 * Every machine-readable reason an error response may carry, with its status and what it means.
 * Clients branch on these words, so they are part of the API: `forbidden`, `conflict` and
 * `unprocessable` (lib/errors.ts) accept only a reason of their status from this table (a new or
 * misspelt word does not compile until it is added here), and the OpenAPI document lists them from
 * it (the reason enum of ErrorBody and the 400, 403, 409 and 422 responses), so the docs cannot miss one.
 */

type ReasonEntry = { status: 400 | 403 | 409 | 422; description: string };

export const REASONS = {
  // 400: the request itself cannot be trusted or read (field errors say which field, without a reason).
  bad_signature: {
    status: 400,
    description: "A signed request (a webhook) whose signature does not verify against its exact body.",
  },
  body_aborted: {
    status: 400,
    description: "The client stopped sending the request body before it ended (an aborted upload).",
  },

  // 403: who the caller is does not allow it (lib/authz decides, except where noted).
  cross_origin: {
    status: 403,
    description:
      "A change (POST, PUT, PATCH, DELETE) sent from another site's page: its Origin header is not this site (lib/http/origin.ts).",
  },
  not_a_member: {
    status: 403,
    description:
      "X-Business-Id (or the business switcher) names a business you are not a member of, or you were removed from it meanwhile.",
  },
  no_business: { status: 403, description: "You are not acting for a business: choose one with X-Business-Id." },
  insufficient_role: {
    status: 403,
    description: "Your role in the business lacks the permission this needs, or may not grant or change that role.",
  },
  not_platform_admin: { status: 403, description: "Only platform administrators may do this." },
  not_a_customer: { status: 403, description: "This is for accounts with a customer profile." },
  not_a_provider: { status: 403, description: "The business you act for is not a provider on the marketplace." },
  not_on_marketplace: {
    status: 403,
    description: "Neither a customer account nor acting for a provider business on the marketplace.",
  },
  system_actor: { status: 403, description: "A scheduled job asked for something only a signed-in person may do." },
  not_system: { status: 403, description: "Only scheduled jobs may do this." },
  private: { status: 403, description: "The customer keeps their profile private from every provider." },
  no_interaction: {
    status: 403,
    description:
      "The customer shows their profile only to providers they have dealt with (a job of theirs opened or applied to).",
  },
  not_your_record: { status: 403, description: "Only the history of your own account and profile is yours to see." },
  not_job_owner: { status: 403, description: "Only the customer who posted the job may do this." },
  own_job: { status: 403, description: "This is your own job: only providers may do this." },
  not_booked_provider: {
    status: 403,
    description:
      "Only the provider booked for the job may do this (the job is booked with another one, or not booked).",
  },
  not_applied: { status: 403, description: "A provider messages the customer only after applying to the job." },
  not_your_application: { status: 403, description: "Only the business that applied may withdraw the application." },
  not_your_thread: { status: 403, description: "A provider reads only its own conversation with the customer." },
  own_account: {
    status: 403,
    description: "An administrator cannot suspend or reinstate their own account.",
  },
  notes_hidden: { status: 403, description: "Internal notes are visible to managers, admins and owners only." },
  invitation_email_mismatch: {
    status: 403,
    description: "The invitation was sent to another email address: sign in as that account.",
  },

  // 409: the record's current state forbids the change.
  email_taken: { status: 409, description: "An account with this email already exists." },
  last_owner: { status: 409, description: "The change would leave the business without an owner." },
  already_a_member: { status: 409, description: "That person is already a member of the business." },
  invitation_used: { status: 409, description: "The invitation has already been accepted." },
  invitation_expired: { status: 409, description: "The invitation has expired: ask for a new one." },
  job_not_open: {
    status: 409,
    description: "The job is no longer open (booked, completed or cancelled): no applying, booking or withdrawing.",
  },
  already_applied: { status: 409, description: "Your business has already applied to the job." },
  application_not_pending: {
    status: 409,
    description: "The application has already been accepted, declined or withdrawn.",
  },
  not_booked: { status: 409, description: "Only a booked job can be completed." },
  already_completed: { status: 409, description: "The job is already completed." },
  already_cancelled: { status: 409, description: "The job was cancelled." },
  not_completed: { status: 409, description: "A job can be reviewed once it is completed." },
  already_reviewed: { status: 409, description: "Your business has already reviewed the job." },
  already_disputed: { status: 409, description: "You have already disputed this review." },
  job_closed: { status: 409, description: "The job was cancelled, so its conversations are closed." },
  thread_closed: {
    status: 409,
    description: "The conversation is closed: the application was withdrawn, or another provider was booked.",
  },
  customer_email_taken: {
    status: 409,
    description: "Another live record of this business has that email; the error names its id (existing_customer_id).",
  },
  duplicate_tag: { status: 409, description: "The record already carries that tag (compared case-insensitively)." },
  too_many_tags: { status: 409, description: "A record carries at most 50 tags." },
  record_deleted: { status: 409, description: "The customer record is deleted: restore it first." },
  customer_account_taken: {
    status: 409,
    description: "Another live record of this business is linked to the same person's account.",
  },
  not_overridden: {
    status: 409,
    description: "That contact field of the record is not overridden, so there is nothing to revert.",
  },
  not_deleted: { status: 409, description: "The customer record is not deleted, so there is nothing to restore." },
  job_running: { status: 409, description: "The scheduled job is already running; this run did nothing." },

  // 422: well-formed, but names something the request cannot apply to.
  not_linked: {
    status: 422,
    description: "The record is not linked to a Clientele account, so it has no person's own value to revert to.",
  },
  currency_mismatch: { status: 422, description: "The purchase's currency is not the business's currency." },
  unsupported_image: {
    status: 422,
    description: "The file is not a JPEG, PNG or WebP image (recognised by its content, not its name or type).",
  },
  not_an_applicant: {
    status: 422,
    description: "That provider has not applied to the job, so there is no conversation with it.",
  },
} as const satisfies Record<string, ReasonEntry>;

export type Reason = keyof typeof REASONS;

/** The reasons an error of `status` may carry. */
export type ReasonOf<S extends ReasonEntry["status"]> = {
  [R in Reason]: (typeof REASONS)[R]["status"] extends S ? R : never;
}[Reason];

/** The reasons of one status, in table order. */
export function reasonsOf(status: ReasonEntry["status"]): Reason[] {
  return (Object.keys(REASONS) as Reason[]).filter((reason) => REASONS[reason].status === status);
}

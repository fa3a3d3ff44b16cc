/**
 * The catalog of domain events: every routing key the app publishes, the aggregate it belongs to
 * and the zod schema of its payload. A feature adds an event type here, in one line plus its
 * schema; emitEvent() is typed by this map, so an unknown type or a malformed payload does not
 * compile (and is refused at run time too).
 *
 * Payloads carry ids, enums and the names of what changed, never personal data (names, emails,
 * note bodies): consumers read details through the API. The one exception is v1.customer.created,
 * whose seed contract names the record's full_name and email; an erasure redacts those in the
 * outbox, and v1.customer.erased tells consumers to drop their copies.
 *
 * A breaking change to a payload is a new routing key (v2.customer.updated), published beside
 * the old one until its consumers have moved; adding an optional field is not breaking.
 */
import { z } from "zod";
import { customerType, noteType, partyRole, providerVisibility, staffRole } from "@/db/schema";

const userId = z.uuid().nullable().describe("The signed-in user who made the change; null for system changes.");
const customerId = z.uuid().describe("The CRM customer record (crm_customers.id).");
const businessId = z.uuid().describe("The business the record belongs to (businesses.id).");
const instant = z.iso.datetime({ offset: true }).describe("An instant, ISO 8601 in UTC.");
const role = z.enum(staffRole.enumValues);

/** The platform customer profile (customers.id), as opposed to a business's CRM record. */
const profileId = z.uuid().describe("The platform customer profile (customers.id), not a CRM record.");
const jobId = z.uuid();
const providerBusinessId = z.uuid().describe("The provider business (businesses.id).");
const party = z.enum(partyRole.enumValues);

/**
 * The aggregates events belong to; per-entity order is kept per (aggregate type, aggregate id).
 * A job's events (posted, applied, booked, messages, completed, cancelled) share the job as their
 * aggregate, a review's its review, so each is consumed in the order it happened.
 */
export type AggregateType = "customer" | "staff_member" | "job" | "review" | "customer_profile";

/** The exchange every aggregate without one of its own publishes on. */
export const DEFAULT_EXCHANGE = "clientele.events";
/** The CRM's customer events, on the exchange the bee_customers_service seed names. */
export const CUSTOMERS_EXCHANGE = "bee.customers.events";

/**
 * The durable topic exchange each aggregate's events are published on (the routing key is the
 * event type either way). A consumer of customer records binds to bee.customers.events; the
 * platform's other events stay on clientele.events. The relay declares every one of them.
 */
export const AGGREGATE_EXCHANGES: Record<AggregateType, string> = {
  customer: CUSTOMERS_EXCHANGE,
  staff_member: DEFAULT_EXCHANGE,
  job: DEFAULT_EXCHANGE,
  review: DEFAULT_EXCHANGE,
  customer_profile: DEFAULT_EXCHANGE,
};

/** Every exchange events are published on, each once. */
export const EXCHANGES: readonly string[] = [...new Set([DEFAULT_EXCHANGE, ...Object.values(AGGREGATE_EXCHANGES)])];

/** The exchange an event of `type` goes to: its aggregate's (a type no longer in the catalog: the default). */
export function exchangeOf(type: string): string {
  const entry = (eventCatalog as Record<string, { aggregate: AggregateType } | undefined>)[type];
  return entry ? AGGREGATE_EXCHANGES[entry.aggregate] : DEFAULT_EXCHANGE;
}

function event<A extends AggregateType, S extends z.ZodObject>(aggregate: A, schema: S) {
  return { aggregate, schema };
}

export const eventCatalog = {
  // The CRM's events, in the bee_customers_service seed's payload shapes (with our additions after
  // them), on their own exchange (AGGREGATE_EXCHANGES above).
  "v1.customer.created": event(
    "customer",
    z.object({
      customer_id: customerId,
      /** The person's Clientele account (users.id), when the record is linked to one. */
      user_id: z.uuid().nullable(),
      business_id: businessId,
      full_name: z.string(),
      email: z.string().nullable(),
      created_at: instant,
      customer_type: z.enum(customerType.enumValues),
      /** The platform customer profile behind the record, when the person has an account. */
      account_customer_id: z.uuid().nullable(),
      created_by: userId,
    }),
  ),
  "v1.customer.updated": event(
    "customer",
    z.object({
      customer_id: customerId,
      /** Field names (snake_case), never their values. */
      fields_changed: z.array(z.string().min(1)).min(1),
      updated_at: instant,
      updated_by: userId,
    }),
  ),
  "v1.customer.tagged": event(
    "customer",
    z.object({
      customer_id: customerId,
      tag: z.string().min(1).describe("The tag's label."),
      created_by: userId,
      business_id: businessId,
      tag_id: z.uuid(),
    }),
  ),
  /** No note text: a note is internal to the business and read through the API by those who may. */
  "v1.customer.note_added": event(
    "customer",
    z.object({
      customer_id: customerId,
      created_by: userId,
      created_at: instant,
      note_id: z.uuid(),
      note_type: z.enum(noteType.enumValues),
      is_pinned: z.boolean(),
    }),
  ),
  "v1.customer.erased": event("customer", z.object({ customer_id: customerId, erased_by: userId })),
  "v1.staff.added": event(
    "staff_member",
    z.object({ user_id: z.uuid(), role, via: z.enum(["direct", "invitation"]), added_by: userId }),
  ),
  "v1.staff.role_changed": event(
    "staff_member",
    z.object({ user_id: z.uuid(), previous_role: role, role, changed_by: userId }),
  ),
  "v1.staff.removed": event("staff_member", z.object({ user_id: z.uuid(), previous_role: role, removed_by: userId })),

  // The marketplace: ids and enums only; titles, descriptions, messages and comments stay in the API.
  "v1.job.posted": event("job", z.object({ job_id: jobId, customer_id: profileId, posted_by: userId })),
  "v1.job.applied": event(
    "job",
    z.object({
      job_id: jobId,
      customer_id: profileId,
      application_id: z.uuid(),
      provider_business_id: providerBusinessId,
      applied_by: userId,
    }),
  ),
  "v1.job.application_withdrawn": event(
    "job",
    z.object({
      job_id: jobId,
      customer_id: profileId,
      application_id: z.uuid(),
      provider_business_id: providerBusinessId,
      withdrawn_by: userId,
    }),
  ),
  "v1.job.booked": event(
    "job",
    z.object({
      job_id: jobId,
      customer_id: profileId,
      booking_id: z.uuid(),
      application_id: z.uuid(),
      provider_business_id: providerBusinessId,
      /** Other pending applications declined by the booking. */
      declined_application_ids: z.array(z.uuid()),
      booked_by: userId,
    }),
  ),
  "v1.job.message_sent": event(
    "job",
    z.object({
      job_id: jobId,
      message_id: z.uuid(),
      provider_business_id: providerBusinessId,
      sender_party: party,
      sent_by: userId,
    }),
  ),
  "v1.job.completed": event(
    "job",
    z.object({
      job_id: jobId,
      customer_id: profileId,
      provider_business_id: providerBusinessId,
      party,
      completed_by: userId,
    }),
  ),
  "v1.job.cancelled": event(
    "job",
    z.object({
      job_id: jobId,
      customer_id: profileId,
      /** The booked provider, when the job was booked. */
      provider_business_id: providerBusinessId.nullable(),
      party,
      cancelled_by: userId,
    }),
  ),
  "v1.review.created": event(
    "review",
    z.object({
      review_id: z.uuid(),
      job_id: jobId,
      customer_id: profileId,
      provider_business_id: providerBusinessId,
      author: userId,
    }),
  ),
  "v1.review.disputed": event(
    "review",
    z.object({ review_id: z.uuid(), job_id: jobId, customer_id: profileId, disputed_by: userId }),
  ),
  "v1.review.visibility_changed": event(
    "review",
    z.object({ review_id: z.uuid(), customer_id: profileId, is_visible: z.boolean(), changed_by: userId }),
  ),
  "v1.customer_profile.visibility_changed": event(
    "customer_profile",
    z.object({
      customer_id: profileId,
      previous_visibility: z.enum(providerVisibility.enumValues),
      visibility: z.enum(providerVisibility.enumValues),
      changed_by: userId,
    }),
  ),
} as const;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = z.input<(typeof eventCatalog)[T]["schema"]>;
export type EventAggregate<T extends EventType> = (typeof eventCatalog)[T]["aggregate"];

export const eventTypes = Object.keys(eventCatalog) as EventType[];

/** The schema version is part of the routing key ("v1.customer.created" is version 1). */
export function versionOf(type: EventType): number {
  return Number(/^v(\d+)\./.exec(type)![1]);
}

/** A staff member is one membership: the same person in two businesses is two aggregates. */
export function staffMemberAggregateId(businessId: string, userId: string): string {
  return `${businessId}:${userId}`;
}

type Payload = Record<string, unknown>;

/** Where each aggregate's id is in its events' payloads, so no producer has to say it. */
const AGGREGATE_IDS: Record<AggregateType, (data: Payload, businessId: string | null) => unknown> = {
  customer: (data) => data.customer_id,
  customer_profile: (data) => data.customer_id,
  job: (data) => data.job_id,
  review: (data) => data.review_id,
  staff_member: (data, businessId) => businessId && staffMemberAggregateId(businessId, String(data.user_id)),
};

/** The aggregate an event belongs to, read from its payload (and, for a membership, its business). */
export function aggregateIdOf<T extends EventType>(type: T, data: EventData<T>, businessId: string | null): string {
  const id = AGGREGATE_IDS[eventCatalog[type].aggregate](data as Payload, businessId);
  if (typeof id !== "string" || !id)
    throw new Error(`${type}: its payload does not name its ${eventCatalog[type].aggregate}`);
  return id;
}

/**
 * The marketplace: customers post jobs, provider businesses apply, one is booked, both sides
 * message, the job is completed or cancelled, and the provider reviews the customer.
 */
import "server-only";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  pgEnum,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { amountMinor, at, createdAt, currency, id, newestFirst, updatedAt } from "./columns";
import { businesses } from "./businesses";
import { customers } from "./customers";
import { users } from "./users";

export const jobStatus = pgEnum("job_status", ["open", "booked", "completed", "cancelled"]);
export const applicationStatus = pgEnum("application_status", ["pending", "accepted", "rejected", "withdrawn"]);
export const partyRole = pgEnum("party_role", ["customer", "provider"]);
export const interactionKind = pgEnum("interaction_kind", [
  "job_view",
  "job_application",
  "booking",
  "message",
  "job_completed",
]);
export type JobStatus = (typeof jobStatus.enumValues)[number];
export type InteractionKind = (typeof interactionKind.enumValues)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    title: text().notNull(),
    category: text().notNull(),
    description: text().notNull(),
    budgetMinor: amountMinor(),
    currency: currency().notNull().default("USD"),
    /** When the customer wants the work done. */
    scheduledFor: at(),
    status: jobStatus().notNull().default("open"),
    completedAt: at(),
    cancelledAt: at(),
    cancelledBy: partyRole(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("jobs_customer_created_idx").on(t.customerId, newestFirst(t.createdAt)),
    index("jobs_open_idx")
      .on(newestFirst(t.createdAt))
      .where(sql`${t.status} = 'open'`),
    // Providers browsing one category: without it, a rare category walks every open job.
    index("jobs_open_category_idx")
      .on(t.category, newestFirst(t.createdAt), newestFirst(t.id))
      .where(sql`${t.status} = 'open'`),
  ],
);

export const jobApplications = pgTable(
  "job_applications",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    applicantUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    message: text().notNull(),
    status: applicationStatus().notNull().default("pending"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("job_applications_job_provider_key").on(t.jobId, t.providerBusinessId),
    index("job_applications_provider_idx").on(t.providerBusinessId, newestFirst(t.createdAt)),
  ],
);

/** The accepted application: at most one booking per job. */
export const bookings = pgTable(
  "bookings",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    applicationId: uuid()
      .notNull()
      .references(() => jobApplications.id, { onDelete: "cascade" }),
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("bookings_job_key").on(t.jobId),
    index("bookings_provider_idx").on(t.providerBusinessId, newestFirst(t.createdAt)),
  ],
);

export const jobMessages = pgTable(
  "job_messages",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    /** The provider side of the conversation (a job can have one thread per applying provider). */
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    senderUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    senderRole: partyRole().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("job_messages_thread_idx").on(t.jobId, t.providerBusinessId, t.createdAt)],
);

type ReviewColumns = { isVisible: AnyPgColumn; disputedAt: AnyPgColumn; moderatedAt: AnyPgColumn };

/**
 * A review in the moderators' queue: disputed, and not decided since. A customer disputes a review
 * at most once, but an administrator may have hidden or shown it before that dispute arrived.
 */
export const reviewAwaitingModeration = (t: ReviewColumns) =>
  sql`${t.disputedAt} is not null and (${t.moderatedAt} is null or ${t.moderatedAt} < ${t.disputedAt})`;

/** A review an administrator has hidden: out of the customer's figures and every provider's view. */
export const reviewIsHidden = (t: ReviewColumns) => sql`not ${t.isVisible}`;

/** A provider's review of a customer after a completed job. */
export const customerReviews = pgTable(
  "customer_reviews",
  {
    id: id(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    rating: smallint().notNull(),
    comment: text().notNull().default(""),
    /** Denormalised from the job so review pages need no join. */
    jobCategory: text().notNull(),
    isVisible: boolean().notNull().default(true),
    disputedAt: at(),
    disputeReason: text(),
    /** When a platform administrator last decided on the review (hid, showed or kept it); null if never. */
    moderatedAt: at(),
    moderatedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("customer_reviews_rating_range", sql`${t.rating} between 1 and 5`),
    uniqueIndex("customer_reviews_job_provider_key").on(t.jobId, t.providerBusinessId),
    // Keyset pages of a customer's visible reviews, newest first, and by rating.
    index("customer_reviews_recent_idx")
      .on(t.customerId, newestFirst(t.createdAt), newestFirst(t.id))
      .where(sql`${t.isVisible}`),
    index("customer_reviews_rating_idx")
      .on(t.customerId, t.rating, newestFirst(t.createdAt), newestFirst(t.id))
      .where(sql`${t.isVisible}`),
    // The moderators' lists (lib/marketplace/reviews/queries.ts), each read as keyset pages of its own
    // index: the disputes no administrator has decided since they were raised, most recent first,
    // and the hidden reviews by when they were written. The lists' WHERE clauses are built by the
    // same functions as these predicates, so the planner can always match them.
    index("customer_reviews_dispute_queue_idx")
      .on(newestFirst(t.disputedAt), newestFirst(t.id))
      .where(reviewAwaitingModeration(t)),
    index("customer_reviews_hidden_idx").on(newestFirst(t.createdAt), newestFirst(t.id)).where(reviewIsHidden(t)),
  ],
);

/** That a provider business has dealt with a customer, one row per kind (and job): makes "restricted" checkable. */
export const providerInteractions = pgTable(
  "provider_interactions",
  {
    id: id(),
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    kind: interactionKind().notNull(),
    jobId: uuid()
      .notNull()
      .references(() => jobs.id, { onDelete: "cascade" }),
    firstAt: createdAt(),
    lastAt: createdAt(),
  },
  (t) => [uniqueIndex("provider_interactions_key").on(t.customerId, t.providerBusinessId, t.kind, t.jobId)],
);

/** Every time a provider business looked at a customer's profile; the customer can see these. */
export const profileViews = pgTable(
  "profile_views",
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    providerBusinessId: uuid()
      .notNull()
      .references(() => businesses.id, { onDelete: "cascade" }),
    viewerUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    viewedAt: createdAt(),
  },
  (t) => [index("profile_views_customer_idx").on(t.customerId, newestFirst(t.viewedAt), newestFirst(t.id))],
);

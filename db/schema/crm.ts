/**
 * A business's own records of its customers. The same person can be a customer of several
 * businesses, each with its own record, notes, tags, preferences and purchases; a walk-in has a
 * record and no platform account. Every row carries business_id and every query filters on it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { amountMinor, at, createdAt, currency, id, newestFirst, updatedAt } from "./columns";
import { businesses } from "./businesses";
import { customers, type PostalAddress } from "./customers";
import { jobs } from "./marketplace";
import { users } from "./users";

export const customerType = pgEnum("customer_type", ["walk_in", "regular", "vip", "wholesale"]);
export type CustomerType = (typeof customerType.enumValues)[number];
export const customerGender = pgEnum("customer_gender", ["male", "female", "other"]);
export const noteType = pgEnum("crm_note_type", ["personal", "preference", "issue", "feedback"]);
export type NoteType = (typeof noteType.enumValues)[number];

/**
 * The contact fields a business may override on a record linked to a person's account: the person's
 * own profile is their source, and a business's edit is kept as an override on top (lib/crm/records).
 */
export const CONTACT_FIELDS = ["full_name", "email", "phone", "address"] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

const business = () =>
  uuid()
    .notNull()
    .references(() => businesses.id, { onDelete: "cascade" });

export const crmCustomers = pgTable(
  "crm_customers",
  {
    id: id(),
    businessId: business(),
    /** The platform customer behind this record, when the person has an account. */
    customerId: uuid().references(() => customers.id, { onDelete: "set null" }),
    /** The name staff know the customer by ("Ana Popescu"); for a linked record, the person's own unless overridden. */
    fullName: text().notNull(),
    gender: customerGender(),
    /** Where the avatar is kept in the storage adapter (lib/storage); served by our own route. */
    avatarKey: text(),
    /** Contact fields (CONTACT_FIELDS) the business set itself on a linked record, over the person's own. */
    overriddenFields: text()
      .array()
      .$type<ContactField[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    email: text(),
    phone: text(),
    address: jsonb().$type<PostalAddress>(),
    birthday: date(),
    customerType: customerType().notNull().default("regular"),
    /** Running totals, kept in step with purchases in the same transaction. */
    purchaseCount: integer().notNull().default(0),
    totalSpentMinor: amountMinor().notNull().default(0),
    totalItemsBought: integer().notNull().default(0),
    firstPurchaseAt: at(),
    lastPurchaseAt: at(),
    /** Completed appointments (a completed marketplace booking is one), kept like the purchase totals. */
    appointmentCount: integer().notNull().default(0),
    lastAppointmentAt: at(),
    /** The phone's digits alone ("+1 555-0100" is 15550100): search matches any run of them (lib/crm/directory). */
    phoneDigits: text().generatedAlwaysAs(
      (): ReturnType<typeof sql> => sql`regexp_replace(${crmCustomers.phone}, '[^0-9]', '', 'g')`,
    ),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Soft delete: hidden from lists, restorable; erasure (GDPR) also blanks the personal fields. */
    deletedAt: at(),
    erasedAt: at(),
  },
  (t) => [
    uniqueIndex("crm_customers_account_key")
      .on(t.businessId, t.customerId)
      .where(sql`${t.customerId} is not null and ${t.deletedAt} is null`),
    uniqueIndex("crm_customers_email_key")
      .on(t.businessId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null and ${t.deletedAt} is null`),
    index("crm_customers_list_idx").on(t.businessId, newestFirst(t.createdAt), newestFirst(t.id)),
    index("crm_customers_customer_idx").on(t.customerId),
    // The customer directory (lib/crm/directory): one index per sort of the live records, each
    // ending in the id so a keyset page starts where the last one ended; names in byte order
    // ("C") so the same index serves name prefixes (search) and the name sort.
    index("crm_customers_name_idx")
      .on(t.businessId, sql`lower(${t.fullName}) collate "C"`, t.id)
      .where(sql`${t.deletedAt} is null`),
    // A later word's start (the name after its first word), for short queries trigrams cannot serve.
    index("crm_customers_name_tail_idx")
      .on(t.businessId, sql`ltrim(lower(substr(${t.fullName}, strpos(${t.fullName}, ' ') + 1))) collate "C"`, t.id)
      .where(sql`${t.deletedAt} is null and strpos(${t.fullName}, ' ') > 0`),
    index("crm_customers_last_purchase_idx")
      .on(t.businessId, sql`coalesce(${t.lastPurchaseAt}, '-infinity'::timestamptz)`, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("crm_customers_spent_idx")
      .on(t.businessId, t.totalSpentMinor, t.id)
      .where(sql`${t.deletedAt} is null`),
    index("crm_customers_deleted_idx")
      .on(t.businessId, t.deletedAt)
      .where(sql`${t.deletedAt} is not null`),
    // Substring search of the live records: trigrams of the name, the email and the phone's digits.
    index("crm_customers_name_trgm_idx")
      .using("gin", t.businessId, sql`lower(${t.fullName}) gin_trgm_ops`)
      .where(sql`${t.deletedAt} is null`),
    index("crm_customers_email_trgm_idx")
      .using("gin", t.businessId, sql`lower(${t.email}) gin_trgm_ops`)
      .where(sql`${t.deletedAt} is null`),
    index("crm_customers_phone_trgm_idx")
      .using("gin", t.businessId, sql`${t.phoneDigits} gin_trgm_ops`)
      .where(sql`${t.deletedAt} is null`),
  ],
);

const crmCustomer = () =>
  uuid()
    .notNull()
    .references(() => crmCustomers.id, { onDelete: "cascade" });

export const crmNotes = pgTable(
  "crm_notes",
  {
    id: id(),
    businessId: business(),
    crmCustomerId: crmCustomer(),
    authorUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    noteType: noteType().notNull().default("personal"),
    body: text().notNull(),
    isPinned: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("crm_notes_customer_idx").on(t.businessId, t.crmCustomerId, newestFirst(t.createdAt)),
    check("crm_notes_length", sql`char_length(${t.body}) between 1 and 500`),
  ],
);

export const crmTags = pgTable(
  "crm_tags",
  {
    id: id(),
    businessId: business(),
    name: text().notNull(),
    color: text().notNull().default("slate"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("crm_tags_name_key").on(t.businessId, sql`lower(${t.name})`)],
);

export const crmCustomerTags = pgTable(
  "crm_customer_tags",
  {
    businessId: business(),
    crmCustomerId: crmCustomer(),
    tagId: uuid()
      .notNull()
      .references(() => crmTags.id, { onDelete: "cascade" }),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.crmCustomerId, t.tagId] }),
    index("crm_customer_tags_tag_idx").on(t.businessId, t.tagId),
  ],
);

/**
 * How and whether a business may contact a customer, and what it knows they like (the seed's named
 * preferences). No row means the defaults below. do_not_contact overrides every opt-in.
 */
export const crmContactPreferences = pgTable(
  "crm_contact_preferences",
  {
    crmCustomerId: uuid()
      .primaryKey()
      .references(() => crmCustomers.id, { onDelete: "cascade" }),
    businessId: business(),
    preferSms: boolean().notNull().default(true),
    preferEmail: boolean().notNull().default(false),
    preferCall: boolean().notNull().default(false),
    doNotContact: boolean().notNull().default(false),
    canReceiveOffers: boolean().notNull().default(true),
    canReceiveLoyalty: boolean().notNull().default(true),
    bestContactTime: text(),
    favoriteProducts: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    preferredPayment: text(),
    updatedAt: updatedAt(),
  },
  (t) => [index("crm_contact_preferences_business_idx").on(t.businessId)],
);

export const purchases = pgTable(
  "purchases",
  {
    id: id(),
    businessId: business(),
    crmCustomerId: crmCustomer(),
    amountMinor: amountMinor().notNull(),
    currency: currency().notNull(),
    /** How many items the sale was (total_items_bought sums them). */
    items: integer().notNull().default(1),
    description: text().notNull().default(""),
    recordedByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** Where it came from ("pos", "online", "import", "stripe") and its id there, for idempotent imports. */
    source: text().notNull().default("pos"),
    externalRef: text(),
    purchasedAt: at().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    check("purchases_items_positive", sql`${t.items} > 0`),
    check("purchases_amount_not_negative", sql`${t.amountMinor} >= 0`),
    index("purchases_customer_idx").on(t.businessId, t.crmCustomerId, newestFirst(t.purchasedAt)),
    uniqueIndex("purchases_external_key")
      .on(t.businessId, t.source, t.externalRef)
      .where(sql`${t.externalRef} is not null`),
  ],
);

export const appointmentStatus = pgEnum("appointment_status", ["scheduled", "completed", "cancelled", "no_show"]);

export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    businessId: business(),
    crmCustomerId: crmCustomer(),
    staffUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    startsAt: at().notNull(),
    endsAt: at().notNull(),
    status: appointmentStatus().notNull().default("scheduled"),
    notes: text(),
    /** The marketplace job this appointment is the booking of, when it came from one. */
    jobId: uuid().references(() => jobs.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("appointments_business_time_idx").on(t.businessId, t.startsAt),
    index("appointments_customer_idx").on(t.businessId, t.crmCustomerId, newestFirst(t.startsAt)),
    uniqueIndex("appointments_job_key")
      .on(t.businessId, t.jobId)
      .where(sql`${t.jobId} is not null`),
  ],
);

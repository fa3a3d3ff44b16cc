/**
 * A business's own records of its customers. The same person can be a customer of several
 * businesses, each with its own record, notes, tags, preferences and purchases; a walk-in has a
 * record and no platform account. Every row carries business_id and every query filters on it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import {
  boolean,
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
import { users } from "./users";

export const customerType = pgEnum("customer_type", ["walk_in", "regular", "vip", "wholesale"]);
export type CustomerType = (typeof customerType.enumValues)[number];

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
    firstName: text().notNull(),
    lastName: text().notNull().default(""),
    email: text(),
    phone: text(),
    address: jsonb().$type<PostalAddress>(),
    birthday: date(),
    customerType: customerType().notNull().default("regular"),
    marketingConsent: boolean().notNull().default(false),
    /** Running totals, kept in step with purchases in the same transaction. */
    purchaseCount: integer().notNull().default(0),
    totalSpentMinor: amountMinor().notNull().default(0),
    firstPurchaseAt: at(),
    lastPurchaseAt: at(),
    /** Lower-cased name, email and phone for trigram search within one business. */
    search: text()
      .notNull()
      .generatedAlwaysAs(
        (): ReturnType<typeof sql> =>
          sql`lower(${crmCustomers.firstName} || ' ' || ${crmCustomers.lastName} || ' ' || coalesce(${crmCustomers.email}, '') || ' ' || coalesce(${crmCustomers.phone}, ''))`,
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
    index("crm_customers_search_idx").using("gin", t.businessId, sql`${t.search} gin_trgm_ops`),
    index("crm_customers_customer_idx").on(t.customerId),
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
    body: text().notNull(),
    isPinned: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("crm_notes_customer_idx").on(t.businessId, t.crmCustomerId, newestFirst(t.createdAt))],
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
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.crmCustomerId, t.tagId] }),
    index("crm_customer_tags_tag_idx").on(t.businessId, t.tagId),
  ],
);

/** Free-form preferences a business keeps about a customer ("coffee": "oat flat white"). */
export const crmPreferences = pgTable(
  "crm_preferences",
  {
    businessId: business(),
    crmCustomerId: crmCustomer(),
    key: text().notNull(),
    value: jsonb().$type<string | number | boolean | string[]>().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.crmCustomerId, t.key] }), index("crm_preferences_business_idx").on(t.businessId)],
);

export const purchases = pgTable(
  "purchases",
  {
    id: id(),
    businessId: business(),
    crmCustomerId: crmCustomer(),
    amountMinor: amountMinor().notNull(),
    currency: currency().notNull(),
    description: text().notNull().default(""),
    /** Where it came from ("pos", "online", "import", "stripe") and its id there, for idempotent imports. */
    source: text().notNull().default("pos"),
    externalRef: text(),
    purchasedAt: at().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("appointments_business_time_idx").on(t.businessId, t.startsAt)],
);

/**
 * Creating, editing, deleting and restoring a business's customer record, reverting an overridden
 * contact field, and setting the record's contact preferences. Each change starts at the guard
 * (lib/authz/policy.ts requireCrm), locks the live record (lib/crm/record.ts), and writes its audit
 * rows and its event (v1.customer.created / v1.customer.updated) in the same transaction.
 *
 * Emails are unique per business among live records, case-insensitively: a duplicate is a 409
 * customer_email_taken naming the existing record (also when two requests race to the index).
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { crmContactPreferences, crmCustomers, type ContactField, type PostalAddress } from "@/db/schema";
import { recordChange } from "@/lib/audit/record";
import type { Actor, UserActor } from "@/lib/auth/actor";
import { requireCrm } from "@/lib/authz/policy";
import { customerUpdated, findRecord, lockLiveRecord, type CrmRecordRow } from "@/lib/crm/record";
import { AppError, conflict, isUniqueViolation, unprocessable } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { consume } from "@/lib/rate-limit";
import {
  addressToStored,
  CONTACT_COLUMNS,
  contactFromPerson,
  countryOf,
  normalisePhone,
  recordWithEmail,
} from "./contact";
import type { CustomerRecordDto, PreferencesDto } from "./dto";
import type { CreateRecordInput, PreferencesInput, UpdateRecordInput } from "./inputs";
import { buildRecordDto, DEFAULT_PREFERENCES, preferencesOf } from "./queries";

const EMAIL_KEY = "crm_customers_email_key";
const ACCOUNT_KEY = "crm_customers_account_key";

export function customerEmailTaken(existingCustomerId: string | undefined): AppError {
  return new AppError("conflict", "Another customer of this business already has that email address.", {
    reason: "customer_email_taken",
    ...(existingCustomerId && { existingCustomerId }),
  });
}

async function assertEmailFree(db: Database, businessId: string, email: string | null, exceptRecordId?: string) {
  if (!email) return;
  const existing = await recordWithEmail(db, businessId, email, exceptRecordId);
  if (existing) throw customerEmailTaken(existing);
}

/**
 * Runs a change; a race to the email index (another request saved the same email in between) is
 * the same 409 as the check, naming the record that won. `db` is outside the failed transaction.
 */
async function raceSafe<T>(db: Database, businessId: string, email: () => string | null, fn: () => Promise<T>) {
  try {
    return await fn();
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_KEY)) {
      const address = email();
      throw customerEmailTaken(address ? ((await recordWithEmail(db, businessId, address)) ?? undefined) : undefined);
    }
    if (isUniqueViolation(error, ACCOUNT_KEY)) throw accountTaken();
    throw error;
  }
}

const accountTaken = () =>
  conflict("Another live record of this business is linked to the same person.", "customer_account_taken");

/** The audited view of a record's editable fields, by their API names. */
function editable(row: CrmRecordRow) {
  return {
    full_name: row.fullName,
    email: row.email,
    phone: row.phone,
    address: row.address,
    gender: row.gender,
    customer_type: row.customerType,
  };
}
type Editable = ReturnType<typeof editable>;

const COLUMNS = {
  ...CONTACT_COLUMNS,
  gender: "gender",
  customer_type: "customerType",
} as const satisfies Record<keyof Editable, keyof CrmRecordRow>;

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields a create or update sets, with the phone in E.164 and the address as stored. */
function valuesOf(input: UpdateRecordInput, country: string): Partial<Editable> {
  const out: Partial<Editable> = {};
  const fullName = input.full_name ?? input.name;
  if (fullName !== undefined) out.full_name = fullName;
  if (input.email !== undefined) out.email = input.email;
  if (input.phone !== undefined) out.phone = input.phone === null ? null : normalisePhone(input.phone, country);
  if (input.address !== undefined) out.address = input.address === null ? null : addressToStored(input.address);
  if (input.gender !== undefined) out.gender = input.gender;
  if (input.customer_type !== undefined) out.customer_type = input.customer_type;
  return out;
}

const columnsOf = (values: Partial<Editable>) =>
  Object.fromEntries(Object.entries(values).map(([field, value]) => [COLUMNS[field as keyof Editable], value]));

/** Creates a record (not linked to an account: records are linked by marketplace bookings). */
export async function createRecord(
  db: Database,
  actor: Actor,
  businessId: string,
  input: CreateRecordInput,
): Promise<CustomerRecordDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  let email: string | null = null;
  const row = await raceSafe(
    db,
    businessId,
    () => email,
    () =>
      db.transaction(async (tx) => {
        const values = valuesOf(input, await countryOf(tx, businessId));
        email = values.email ?? null;
        await assertEmailFree(tx, businessId, email);
        const [created] = await tx
          .insert(crmCustomers)
          .values({
            businessId,
            fullName: values.full_name!,
            email: values.email ?? null,
            phone: values.phone ?? null,
            address: values.address ?? null,
            gender: values.gender ?? null,
            customerType: values.customer_type ?? "regular",
          })
          .returning();
        await recordChange(tx, user, {
          businessId,
          entity: { type: "crm_customer", id: created!.id },
          action: "create",
          after: editable(created!),
          event: {
            type: "v1.customer.created",
            data: {
              customer_id: created!.id,
              user_id: null,
              business_id: businessId,
              full_name: created!.fullName,
              email: created!.email,
              created_at: new Date(created!.createdAt).toISOString(),
              customer_type: created!.customerType,
              account_customer_id: null,
              created_by: user.userId,
            },
          },
        });
        return created!;
      }),
  );
  metrics.customersCreated.inc();
  return buildRecordDto(db, row);
}

/**
 * Charges one edit of the record to the crmRecordEdit limit (per user, per record, per IP), after
 * the guard, so nobody outside the business can use up a record's edits.
 */
export async function chargeRecordEdit(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  ip: string,
): Promise<void> {
  requireCrm(actor, businessId, "crm.write");
  await consume(db, "crmRecordEdit", { actor, ip, record: recordId });
}

/**
 * A partial update. A field sent with the value it already has is not a change: a PATCH that
 * changes nothing writes nothing and emits nothing. On a record linked to an account, a contact
 * field the business changes becomes an override of the person's own value.
 */
export async function updateRecord(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  input: UpdateRecordInput,
  { ip }: { ip: string },
): Promise<CustomerRecordDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  await chargeRecordEdit(db, actor, businessId, recordId, ip);
  let email: string | null = null;
  const row = await raceSafe(
    db,
    businessId,
    () => email,
    () =>
      db.transaction(async (tx) => {
        const row = await lockLiveRecord(tx, businessId, recordId);
        const values = valuesOf(input, await countryOf(tx, businessId));
        const before = editable(row);
        const changed = (Object.keys(values) as (keyof Editable)[]).filter((f) => !sameValue(before[f], values[f]));
        if (changed.length === 0) return row;
        const after = Object.fromEntries(changed.map((f) => [f, values[f]])) as Partial<Editable>;
        if (changed.includes("email")) {
          email = after.email ?? null;
          await assertEmailFree(tx, businessId, email, row.id);
        }
        const newOverrides =
          row.customerId === null
            ? []
            : changed.filter(
                (f): f is ContactField => f in CONTACT_COLUMNS && !row.overriddenFields.includes(f as ContactField),
              );
        const overriddenFields = [...row.overriddenFields, ...newOverrides];
        const [updated] = await tx
          .update(crmCustomers)
          .set({ ...columnsOf(after), ...(newOverrides.length > 0 && { overriddenFields }) })
          .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, row.id)))
          .returning();
        await recordChange(tx, user, {
          businessId,
          entity: { type: "crm_customer", id: row.id },
          action: "update",
          before: { ...before, overridden_fields: row.overriddenFields },
          after: { ...after, ...(newOverrides.length > 0 && { overridden_fields: overriddenFields }) },
          event: customerUpdated(row.id, changed, updated!.updatedAt, user),
        });
        return updated!;
      }),
  );
  return buildRecordDto(db, row);
}

/**
 * Puts the person's own current value back into an overridden contact field of a linked record.
 * An unlinked record has no own value (422 not_linked); a field that is not overridden has nothing
 * to revert (409 not_overridden).
 */
export async function revertOverride(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  field: ContactField,
): Promise<CustomerRecordDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  let email: string | null = null;
  const row = await raceSafe(
    db,
    businessId,
    () => email,
    () =>
      db.transaction(async (tx) => {
        const row = await lockLiveRecord(tx, businessId, recordId);
        const person =
          row.customerId === null
            ? null
            : (await contactFromPerson(tx, row.customerId, await countryOf(tx, businessId)))?.contact;
        if (!person) {
          throw unprocessable(
            "This record is not linked to a Clientele account, so there is no own value to revert to.",
            "not_linked",
          );
        }
        if (!row.overriddenFields.includes(field)) {
          throw conflict(`The ${field.replace("_", " ")} of this record is not overridden.`, "not_overridden");
        }
        const value: string | PostalAddress | null = person[field];
        if (field === "email") {
          email = person.email;
          await assertEmailFree(tx, businessId, email, row.id);
        }
        const overriddenFields = row.overriddenFields.filter((f) => f !== field);
        const [updated] = await tx
          .update(crmCustomers)
          .set({ [CONTACT_COLUMNS[field]]: value, overriddenFields })
          .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, row.id)))
          .returning();
        await recordChange(tx, user, {
          businessId,
          entity: { type: "crm_customer", id: row.id },
          action: "update",
          before: { [field]: editable(row)[field], overridden_fields: row.overriddenFields },
          after: { [field]: value, overridden_fields: overriddenFields },
          event: customerUpdated(row.id, [field], updated!.updatedAt, user),
        });
        return updated!;
      }),
  );
  return buildRecordDto(db, row);
}

/** Soft delete: the record leaves lists and is_active turns false; restorable by owners and admins. */
export async function deleteRecord(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
): Promise<CustomerRecordDto> {
  const { user } = requireCrm(actor, businessId, "crm.delete");
  const row = await db.transaction(async (tx) => {
    const row = await lockLiveRecord(tx, businessId, recordId);
    const [updated] = await tx
      .update(crmCustomers)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, row.id)))
      .returning();
    await activeChange(tx, user, updated!, "delete");
    return updated!;
  });
  return buildRecordDto(db, row);
}

/** Undoes a soft delete; refused while another live record has its email (or its person's account). */
export async function restoreRecord(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
): Promise<CustomerRecordDto> {
  const { user } = requireCrm(actor, businessId, "crm.delete");
  let email: string | null = null;
  const row = await raceSafe(
    db,
    businessId,
    () => email,
    () =>
      db.transaction(async (tx) => {
        const row = await findRecord(tx, businessId, recordId, { lock: true });
        if (!row.deletedAt) throw conflict("This customer record is not deleted.", "not_deleted");
        email = row.email;
        await assertEmailFree(tx, businessId, row.email, row.id);
        if (row.customerId) {
          const [other] = await tx
            .select({ id: crmCustomers.id })
            .from(crmCustomers)
            .where(
              and(
                eq(crmCustomers.businessId, businessId),
                eq(crmCustomers.customerId, row.customerId),
                sql`${crmCustomers.deletedAt} is null`,
              ),
            );
          if (other) throw accountTaken();
        }
        const [updated] = await tx
          .update(crmCustomers)
          .set({ deletedAt: null })
          .where(and(eq(crmCustomers.businessId, businessId), eq(crmCustomers.id, row.id)))
          .returning();
        await activeChange(tx, user, updated!, "restore");
        return updated!;
      }),
  );
  return buildRecordDto(db, row);
}

async function activeChange(tx: Database, user: UserActor, row: CrmRecordRow, action: string) {
  const isActive = row.deletedAt === null;
  await recordChange(tx, user, {
    businessId: row.businessId,
    entity: { type: "crm_customer", id: row.id },
    action,
    before: { is_active: !isActive },
    after: { is_active: isActive },
    event: customerUpdated(row.id, ["is_active"], row.updatedAt, user),
  });
}

type PreferenceColumns = Omit<typeof crmContactPreferences.$inferSelect, "crmCustomerId" | "businessId" | "updatedAt">;

const PREFERENCE_COLUMNS = {
  prefer_sms: "preferSms",
  prefer_email: "preferEmail",
  prefer_call: "preferCall",
  do_not_contact: "doNotContact",
  can_receive_offers: "canReceiveOffers",
  can_receive_loyalty: "canReceiveLoyalty",
  best_contact_time: "bestContactTime",
  favorite_products: "favoriteProducts",
  preferred_payment: "preferredPayment",
} as const satisfies Record<keyof PreferencesInput, keyof PreferenceColumns>;

/** Sets some of the record's named preferences; the rest keep their values (or defaults). */
export async function updatePreferences(
  db: Database,
  actor: Actor,
  businessId: string,
  recordId: string,
  input: PreferencesInput,
): Promise<PreferencesDto> {
  const { user } = requireCrm(actor, businessId, "crm.write");
  return db.transaction(async (tx) => {
    const row = await lockLiveRecord(tx, businessId, recordId);
    const [existing] = await tx
      .select()
      .from(crmContactPreferences)
      .where(and(eq(crmContactPreferences.businessId, businessId), eq(crmContactPreferences.crmCustomerId, row.id)));
    const current: PreferenceColumns = existing ?? DEFAULT_PREFERENCES;
    const names = (Object.keys(input) as (keyof PreferencesInput)[]).filter(
      (name) => input[name] !== undefined && !sameValue(current[PREFERENCE_COLUMNS[name]], input[name]),
    );
    if (names.length === 0) return preferencesOf(current);
    const next: PreferenceColumns = { ...current };
    for (const name of names) (next as Record<string, unknown>)[PREFERENCE_COLUMNS[name]] = input[name];
    const [saved] = await tx
      .insert(crmContactPreferences)
      .values({ ...next, crmCustomerId: row.id, businessId })
      .onConflictDoUpdate({ target: crmContactPreferences.crmCustomerId, set: { ...next, updatedAt: new Date() } })
      .returning();
    await recordChange(tx, user, {
      businessId,
      entity: { type: "crm_contact_preferences", id: row.id },
      action: "update",
      before: Object.fromEntries(names.map((n) => [n, current[PREFERENCE_COLUMNS[n]]])),
      after: Object.fromEntries(names.map((n) => [n, input[n]])),
      event: customerUpdated(row.id, names, saved!.updatedAt, user),
    });
    return preferencesOf(saved);
  });
}

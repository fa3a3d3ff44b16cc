"use server";
/**
 * The customer-record forms (create, edit, revert an override, preferences, delete and restore),
 * each the same mutation as its route, with the same input schemas plus the record's ids as fields.
 * Each answers the record (or its preferences); a refusal comes back as the form's error.
 */
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { clientIp } from "@/lib/http/client-ip";
import { createRecordForm, overrideForm, preferencesForm, recordForm, updateRecordForm } from "./inputs";
import {
  createRecord,
  deleteRecord,
  restoreRecord,
  revertOverride,
  updatePreferences,
  updateRecord,
} from "./mutations";

const pageOf = (businessId: string, recordId?: string) =>
  `/crm/${businessId}/customers${recordId ? `/${recordId}` : ""}`;

function refresh(businessId: string, recordId?: string) {
  revalidatePath(pageOf(businessId));
  if (recordId) revalidatePath(pageOf(businessId, recordId));
}

export const createRecordAction = action(createRecordForm, async ({ db, actor, input }) => {
  const { businessId, ...body } = input;
  const record = await createRecord(db, actor, businessId, body);
  refresh(businessId);
  return record;
});

export const updateRecordAction = action(updateRecordForm, async ({ db, actor, input }) => {
  const { businessId, customerId, ...body } = input;
  const ip = clientIp(await headers());
  const record = await updateRecord(db, actor, businessId, customerId, body, { ip });
  refresh(businessId, customerId);
  return record;
});

export const revertOverrideAction = action(overrideForm, async ({ db, actor, input }) => {
  const record = await revertOverride(db, actor, input.businessId, input.customerId, input.field);
  refresh(input.businessId, input.customerId);
  return record;
});

export const updatePreferencesAction = action(preferencesForm, async ({ db, actor, input }) => {
  const { businessId, customerId, ...body } = input;
  const preferences = await updatePreferences(db, actor, businessId, customerId, body);
  refresh(businessId, customerId);
  return preferences;
});

export const deleteRecordAction = action(recordForm, async ({ db, actor, input }) => {
  const record = await deleteRecord(db, actor, input.businessId, input.customerId);
  refresh(input.businessId, input.customerId);
  return record;
});

export const restoreRecordAction = action(recordForm, async ({ db, actor, input }) => {
  const record = await restoreRecord(db, actor, input.businessId, input.customerId);
  refresh(input.businessId, input.customerId);
  return record;
});

"use server";
/**
 * The tag forms (add one to a record, remove one, tag many records at once), each the same mutation
 * as its route with the same input schema, plus the ids the route takes from its path as fields.
 */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { businessParams, recordParams } from "@/lib/crm/inputs";
import { addTagInput, bulkTagInput, recordTagParams } from "./inputs";
import { addTag, bulkTag, removeTag } from "./mutations";

const directory = (businessId: string) => `/crm/${businessId}/customers`;

export const addTagAction = action(recordParams.extend(addTagInput.shape), async ({ db, actor, input }) => {
  const { businessId, customerId, ...body } = input;
  const result = await addTag(db, actor, businessId, customerId, body);
  revalidatePath(`${directory(businessId)}/${customerId}`);
  return result;
});

export const removeTagAction = action(recordTagParams, async ({ db, actor, input }) => {
  const result = await removeTag(db, actor, input.businessId, input.customerId, input.tagId);
  revalidatePath(`${directory(input.businessId)}/${input.customerId}`);
  return result;
});

export const bulkTagAction = action(businessParams.extend(bulkTagInput.shape), async ({ db, actor, input }) => {
  const { businessId, ...body } = input;
  const result = await bulkTag(db, actor, businessId, body);
  revalidatePath(directory(businessId));
  return result;
});

"use server";
/** The purchase form: the same mutation as POST /api/customers/{businessId}/{customerId}/purchases, the ids as fields. */
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions/action";
import { recordParams } from "@/lib/crm/inputs";
import { recordPurchaseInput } from "./inputs";
import { recordPurchase } from "./mutations";

export const recordPurchaseAction = action(
  recordParams.extend(recordPurchaseInput.shape),
  async ({ db, actor, input }) => {
    const { businessId, customerId, ...body } = input;
    const recorded = await recordPurchase(db, actor, { businessId, customerId }, body);
    revalidatePath(`/crm/${businessId}/customers/${customerId}`);
    revalidatePath(`/crm/${businessId}/customers`);
    return recorded;
  },
);

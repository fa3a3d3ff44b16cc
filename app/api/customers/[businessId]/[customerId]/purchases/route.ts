/** POST: record a completed sale on the record (201); a known external reference answers the first one (200). */
import { created, route } from "@/lib/http/route";
import { recordPurchaseInput } from "@/lib/crm/purchases/inputs";
import { recordPurchase } from "@/lib/crm/purchases/mutations";
import { recordParams } from "@/lib/crm/inputs";

export const POST = route({ params: recordParams, body: recordPurchaseInput }, async ({ db, actor, params, body }) => {
  const answer = await recordPurchase(db, actor, params, body);
  return answer.recorded ? created(answer) : answer;
});

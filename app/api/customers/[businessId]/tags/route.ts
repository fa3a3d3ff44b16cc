/** GET: the business's tag list, with colours and how many live records carry each tag. */
import { listTags } from "@/lib/crm/tags/queries";
import { route } from "@/lib/http/route";
import { businessParams } from "@/lib/crm/inputs";

export const GET = route({ params: businessParams }, ({ db, actor, params }) => listTags(db, actor, params.businessId));

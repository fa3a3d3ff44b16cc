/** GET: the business's tag list, with colours and how many live records carry each tag. */
import { tagsParams } from "@/lib/crm/tags/inputs";
import { listTags } from "@/lib/crm/tags/queries";
import { route } from "@/lib/http/route";

export const GET = route({ params: tagsParams }, ({ db, actor, params }) => listTags(db, actor, params.businessId));

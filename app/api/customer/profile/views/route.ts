/** GET: which provider businesses viewed the signed-in customer's profile, newest first. */
import { route } from "@/lib/http/route";
import { viewsQuery } from "@/lib/customer-profile/inputs";
import { listMyProfileViews } from "@/lib/customer-profile/views";

export const GET = route({ query: viewsQuery }, ({ db, actor, query }) => listMyProfileViews(db, actor, query));

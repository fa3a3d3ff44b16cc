/** GET: which provider businesses viewed the signed-in customer's profile, newest first. */
import { route } from "@/lib/http/route";
import { viewsQuery } from "@/lib/provider-profile/inputs";
import { listMyProfileViews } from "@/lib/provider-profile/views";

export const GET = route({ query: viewsQuery }, ({ db, actor, query }) => listMyProfileViews(db, actor, query));

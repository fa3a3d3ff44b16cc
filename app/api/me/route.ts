/** GET /api/me: the signed-in account, the business it acts for and its memberships. */
import { getMe } from "@/lib/accounts/me";
import { route } from "@/lib/http/route";

export const GET = route({}, ({ actor }) => getMe(actor));

/** GET: the signed-in person's live sessions. DELETE: "sign out everywhere", this session included. */
import { route } from "@/lib/http/route";
import { listSessions } from "@/lib/account-security/queries";
import { signOutEverywhere } from "@/lib/account-security/mutations";

export const GET = route({}, ({ db, actor }) => listSessions(db, actor));
export const DELETE = route({}, ({ db, actor }) => signOutEverywhere(db, actor));

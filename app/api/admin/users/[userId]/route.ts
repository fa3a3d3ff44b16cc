/** PATCH: a platform administrator suspends an account (ending its sessions) or reinstates it. */
import { route } from "@/lib/http/route";
import { suspensionInput, userParams } from "@/lib/account-security/inputs";
import { setSuspension } from "@/lib/account-security/mutations";

export const PATCH = route({ params: userParams, body: suspensionInput }, ({ db, actor, params, body }) =>
  setSuspension(db, actor, params.userId, body.suspended),
);

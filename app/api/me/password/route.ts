/** PUT: change the password (the current one checked); every other session ends. */
import { route } from "@/lib/http/route";
import { changePasswordInput } from "@/lib/account-security/inputs";
import { changePassword } from "@/lib/account-security/mutations";

export const PUT = route({ body: changePasswordInput, rateLimit: "passwordChange" }, ({ db, actor, body }) =>
  changePassword(db, actor, body),
);

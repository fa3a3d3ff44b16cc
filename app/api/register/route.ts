/** POST /api/register: create a customer or provider account (201). Sign in afterwards via /api/auth. */
import { registerInput } from "@/lib/accounts/inputs";
import { registerAccount } from "@/lib/accounts/register";
import { created, route } from "@/lib/http/route";

export const POST = route({ access: "public", rateLimit: "register", body: registerInput }, async ({ db, body }) =>
  created(await registerAccount(db, body)),
);

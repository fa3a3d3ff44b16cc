/** PATCH: the customer chooses which providers may see their profile. */
import { route } from "@/lib/http/route";
import { providerVisibilityInput } from "@/lib/customer-profile/inputs";
import { setProviderVisibility } from "@/lib/customer-profile/visibility";

export const PATCH = route({ body: providerVisibilityInput }, ({ db, actor, body }) =>
  setProviderVisibility(db, actor, body.visibility),
);

/** GET: a customer's public profile for the provider the caller acts for; charged to the profileView rate limit. */
import { route } from "@/lib/http/route";
import { customerParams } from "@/lib/provider-profile/inputs";
import { getProviderProfile } from "@/lib/provider-profile/profile";

export const GET = route({ params: customerParams, rateLimit: "profileView" }, ({ db, actor, params }) =>
  getProviderProfile(db, actor, params.customerId),
);

/** GET: a customer's public profile for the provider the caller acts for; charged to the profileView rate limit. */
import { clientIp } from "@/lib/http/client-ip";
import { route } from "@/lib/http/route";
import { customerParams } from "@/lib/provider-profile/inputs";
import { getProviderProfile } from "@/lib/provider-profile/profile";

export const GET = route(
  { params: customerParams, rateLimit: { policy: "profileView", chargedBy: "handler" } },
  ({ db, actor, params, req }) => getProviderProfile(db, actor, params.customerId, clientIp(req.headers)),
);

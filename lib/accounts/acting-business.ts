/**
 * Routes under /api/businesses/[businessId]/... name the business they act on in the path. The
 * path is the most explicit choice the caller can make, so it selects the acting business among
 * the caller's memberships (over the switcher cookie or the X-Business-Id header). A business the
 * caller is not a member of is "not found": the answer must not reveal that it exists.
 */
import type { Actor, UserActor } from "@/lib/auth/actor";
import { requireUser } from "@/lib/authz/policy";
import { notFound } from "@/lib/errors";

export function actForBusiness(actor: Actor, businessId: string): UserActor {
  const user = requireUser(actor);
  const membership = user.memberships.find((m) => m.businessId === businessId);
  if (!membership) throw notFound("That business");
  return { ...user, business: membership };
}

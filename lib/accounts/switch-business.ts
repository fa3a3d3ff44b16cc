/**
 * The business switcher: a member of several businesses chooses which one the browser acts for.
 * The choice lives in an httpOnly cookie that lib/auth/current.ts reads; it is only a preference,
 * since every request re-checks the membership against the database.
 */
import { cookies, headers } from "next/headers";
import type { Actor, Membership } from "@/lib/auth/actor";
import { BUSINESS_COOKIE } from "@/lib/auth/current";
import { requireUser } from "@/lib/authz/policy";
import { forbidden } from "@/lib/errors";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The membership the actor asks to act for; refuses a business they do not belong to. */
export function chooseActingBusiness(actor: Actor, businessId: string): Membership {
  const user = requireUser(actor);
  const membership = user.memberships.find((m) => m.businessId === businessId);
  if (!membership) throw forbidden("not_a_member", "You are not a member of that business.");
  return membership;
}

export async function switchBusiness(actor: Actor, businessId: string): Promise<Membership> {
  const membership = chooseActingBusiness(actor, businessId);
  await rememberBusinessChoice(membership.businessId);
  return membership;
}

/**
 * Writes the cookie. Callers must have checked the membership (switchBusiness, or an invitation
 * just accepted); a stale or forged value is harmless anyway, since resolveActor ignores a
 * business the user does not belong to.
 */
export async function rememberBusinessChoice(businessId: string): Promise<void> {
  (await cookies()).set(BUSINESS_COOKIE, businessId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: await isHttps(),
    maxAge: ONE_YEAR_SECONDS,
  });
}

export async function clearBusinessChoice(): Promise<void> {
  (await cookies()).delete(BUSINESS_COOKIE);
}

// Secure cookies are dropped over plain http (local `next start`), so mark them only behind TLS.
async function isHttps(): Promise<boolean> {
  return (await headers()).get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

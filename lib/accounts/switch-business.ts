/**
 * The business switcher: a member of several businesses chooses which one the browser acts for.
 * The choice lives in an httpOnly cookie that lib/auth/current.ts reads; it is only a preference,
 * since every request re-checks the membership against the database.
 */
import { cookies, headers } from "next/headers";
import { isHttps } from "@/lib/http/client-ip";
import type { Actor, Membership } from "@/lib/auth/actor";
import { BUSINESS_COOKIE } from "@/lib/auth/current";
import { actingFor } from "@/lib/authz/policy";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function switchBusiness(actor: Actor, businessId: string): Promise<Membership> {
  const { business: membership } = actingFor(actor, businessId, "context");
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
    secure: isHttps(await headers()),
    maxAge: ONE_YEAR_SECONDS,
  });
}

export async function clearBusinessChoice(): Promise<void> {
  (await cookies()).delete(BUSINESS_COOKIE);
}

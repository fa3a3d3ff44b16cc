/**
 * People for this concept's tests (not a test file itself): customers, provider businesses with
 * an owner and a staff member, a platform admin, each with the Actor the database resolves for
 * them, created in the caller's transaction. Also a JSON request builder for the route tests.
 */
import { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { resolveActor, type UserActor } from "@/lib/auth/actor";
import { addMember, createBusiness, createCustomer, createUser, uniqueIp } from "@/test/factories";

export type CustomerPerson = { actor: UserActor; userId: string; customerId: string };
export type ProviderPerson = { actor: UserActor; staff: UserActor; userId: string; businessId: string };

export async function newCustomer(db: Database): Promise<CustomerPerson> {
  const user = await createUser(db, { name: "Cara Customer" });
  const customer = await createCustomer(db, user.id);
  return { actor: (await resolveActor(db, user.id)) as UserActor, userId: user.id, customerId: customer.id };
}

/** A marketplace provider business with an owner (`actor`) and a staff member (`staff`). */
export async function newProvider(db: Database, values: { isMarketplaceProvider?: boolean } = {}): Promise<ProviderPerson> {
  const owner = await createUser(db, { name: "Pat Provider" });
  const business = await createBusiness(db, { isMarketplaceProvider: values.isMarketplaceProvider ?? true }, owner.id);
  const member = await createUser(db, { name: "Sam Staff" });
  await addMember(db, business.id, member.id, "staff");
  return {
    actor: (await resolveActor(db, owner.id, { businessId: business.id })) as UserActor,
    staff: (await resolveActor(db, member.id, { businessId: business.id })) as UserActor,
    userId: owner.id,
    businessId: business.id,
  };
}

export async function newAdmin(db: Database): Promise<UserActor> {
  const user = await createUser(db, { name: "Ada Admin", isPlatformAdmin: true });
  return (await resolveActor(db, user.id)) as UserActor;
}

/** A fresh documentation-range IPv6 address, so per-IP rate-limit counters are the test's own. */

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

/** Calls a route handler as Next would: path params, and a JSON body when one is given. */
export function callRoute(handler: Handler, method: string, url: string, params: Record<string, string>, body?: unknown) {
  const headers: Record<string, string> = { "x-forwarded-for": uniqueIp() };
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new NextRequest(`http://localhost${url}`, {
    method,
    headers,
    ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return handler(req, { params: Promise.resolve(params) });
}

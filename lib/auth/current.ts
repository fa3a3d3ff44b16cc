/**
 * The actor of the current request, for route handlers, server actions and server components.
 * Cached per request, so a page and its components resolve it once. The session cookie is verified
 * on every request (lib/auth/session.ts, without the work Auth.js's auth() adds around it), and the
 * session it names is checked live in the actor's statement (lib/auth/resolve-actor.ts).
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { anonymous, type Actor } from "./actor";
import { resolveSessionActor } from "./resolve-actor";
import { sessionOf } from "./session";

/** The switcher's cookie: which business a member of several acts for in the browser. */
export const BUSINESS_COOKIE = "clientele_business";
/** API clients name the business they act for in this header. */
export const BUSINESS_HEADER = "x-business-id";

export const getActor = cache(async (): Promise<Actor> => {
  const requestHeaders = await headers();
  const session = await sessionOf(requestHeaders);
  if (!session) return anonymous;
  const header = requestHeaders.get(BUSINESS_HEADER);
  const cookie = (await cookies()).get(BUSINESS_COOKIE)?.value;
  return resolveSessionActor(await getDb(), session, {
    businessId: header ?? cookie ?? null,
    strict: header !== null,
  });
});

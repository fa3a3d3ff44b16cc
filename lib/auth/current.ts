/**
 * The actor of the current request, for route handlers, server actions and server components.
 * Cached per request, so a page and its components resolve it once.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { auth } from ".";
import { anonymous, type Actor } from "./actor";
import { resolveActor } from "./resolve-actor";

/** The switcher's cookie: which business a member of several acts for in the browser. */
export const BUSINESS_COOKIE = "clientele_business";
/** API clients name the business they act for in this header. */
export const BUSINESS_HEADER = "x-business-id";

export const getActor = cache(async (): Promise<Actor> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return anonymous;
  const header = (await headers()).get(BUSINESS_HEADER);
  const cookie = (await cookies()).get(BUSINESS_COOKIE)?.value;
  return resolveActor(await getDb(), userId, {
    businessId: header ?? cookie ?? null,
    strict: header !== null,
  });
});

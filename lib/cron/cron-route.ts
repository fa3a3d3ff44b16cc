/**
 * The cron wrapper: Vercel calls GET /api/cron/<job> with `Authorization: Bearer $CRON_SECRET`.
 * The secret is checked in every environment and an unset secret refuses every call (fail closed).
 * The job runs as a system actor and its JSON result says what it did.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import type { NextRequest } from "next/server";
import { getDb, type Database } from "@/db/client";
import { systemActor, type SystemActor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { unauthorized } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";

export type CronJob = (ctx: { actor: SystemActor; db: Database }) => Promise<Record<string, unknown>>;

export function isAuthorizedCronCall(authorization: string | null, secret: string | undefined): boolean {
  if (!secret || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice("Bearer ".length));
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function cronRoute(name: string, job: CronJob) {
  return async (req: NextRequest): Promise<Response> => {
    const traceId = randomUUID();
    try {
      if (!isAuthorizedCronCall(req.headers.get("authorization"), env().CRON_SECRET)) {
        throw unauthorized("A valid cron secret is required.");
      }
      const result = await job({ actor: systemActor(`cron:${name}`), db: await getDb() });
      return Response.json({ job: name, ok: true, ...result });
    } catch (error) {
      return errorResponse(error, traceId);
    }
  };
}

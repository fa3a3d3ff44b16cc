/**
 * Auth.js endpoints: csrf, session, sign-in callback (credentials), sign-out. A credentials POST
 * from an IP already blocked for that email (or altogether) is answered 429 here, before Auth.js
 * parses it or hashes anything; the check only reads the counters, as authorize charges them.
 * Both methods answer through traced(), so their responses carry x-request-id like every API's.
 */
import "server-only";
import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { handlers } from "@/lib/auth";
import { rateLimited } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { traced } from "@/lib/http/traced";
import { metrics } from "@/lib/observability/metrics";
import { signInBlock } from "@/lib/rate-limit/sign-in";

export function GET(req: NextRequest): Promise<Response> {
  return traced(req, () => handlers.GET(req));
}

export function POST(req: NextRequest): Promise<Response> {
  return traced(req, async () => {
    if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
      const block = await signInBlock(await getDb(), { ip: clientIp(req.headers), email: await emailOf(req) });
      if (block) {
        metrics.authFailures.inc({ reason: "rate_limited" });
        metrics.rateLimitRefusals.inc({ policy: "signIn" });
        throw rateLimited(block.retryAfterSeconds, block.headers);
      }
    }
    return handlers.POST(req);
  });
}

/** The email the attempt names, read from a copy so Auth.js still gets the body. */
async function emailOf(req: NextRequest): Promise<string | undefined> {
  try {
    const body = req.headers.get("content-type")?.includes("application/json")
      ? ((await req.clone().json()) as Record<string, unknown>)
      : Object.fromEntries(await req.clone().formData());
    return typeof body.email === "string" && body.email.trim() ? body.email.trim() : undefined;
  } catch {
    return undefined; // a malformed body is Auth.js's to refuse
  }
}

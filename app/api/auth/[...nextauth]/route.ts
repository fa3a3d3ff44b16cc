/**
 * Auth.js endpoints: csrf, session, sign-in callback (credentials), sign-out. Every POST body is
 * read here first, capped at SIGN_IN_BODY_LIMIT (413) and its deadline (408), and Auth.js gets a
 * copy of those bytes: it would otherwise read a form of any size into memory. A credentials POST
 * from an IP already blocked for that email (or altogether), or for an account in its backoff from a
 * device the account does not know, is then answered 429, before Auth.js
 * parses it or hashes anything; the check only reads the counters, as authorize charges them.
 * Both methods answer through traced(), so their responses carry x-request-id like every API's.
 */
import "server-only";
import { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { handlers } from "@/lib/auth";
import { isKnownDevice } from "@/lib/auth/device";
import { rateLimited } from "@/lib/errors";
import { mediaType } from "@/lib/http/bodies";
import { readBytes } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { traced } from "@/lib/http/traced";
import { metrics } from "@/lib/observability/metrics";
import { signInBlock } from "@/lib/rate-limit/sign-in";

/** A sign-in form is a CSRF token, an email, a password and a callback path: a few hundred bytes. */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

export function GET(req: NextRequest): Promise<Response> {
  return traced(req, () => handlers.GET(req));
}

export function POST(req: NextRequest): Promise<Response> {
  return traced(req, async () => {
    const bytes = await readBytes(req, SIGN_IN_BODY_LIMIT);
    const bounded = new NextRequest(req.url, {
      method: req.method,
      headers: req.headers,
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    if (req.nextUrl.pathname.endsWith("/callback/credentials")) {
      const email = emailOf(req, bytes);
      const knownDevice = email !== undefined && isKnownDevice(req.headers, email);
      const block = await signInBlock(await getDb(), { ip: clientIp(req.headers), email, knownDevice });
      if (block) {
        metrics.authFailures.inc({ reason: "rate_limited" });
        metrics.rateLimitRefusals.inc({ policy: "signIn" });
        throw rateLimited(block.retryAfterSeconds, block.headers);
      }
    }
    return handlers.POST(bounded);
  });
}

/** The email the attempt names, from the (bounded) bytes Auth.js will read too. */
function emailOf(req: NextRequest, bytes: Uint8Array): string | undefined {
  try {
    const text = new TextDecoder().decode(bytes);
    const email =
      mediaType(req) === "application/json"
        ? (JSON.parse(text) as Record<string, unknown>).email
        : new URLSearchParams(text).get("email");
    return typeof email === "string" && email.trim() ? email.trim() : undefined;
  } catch {
    return undefined; // a malformed body is Auth.js's to refuse
  }
}

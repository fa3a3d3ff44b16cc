/**
 * The route-handler wrapper, on traced() (the request context, its trace id echoed back, errors mapped):
 * resolves the actor, charges the rate limit, parses params, query and a size-capped body with zod,
 * runs the handler and maps every outcome to JSON. Anonymous callers get 401 before any input is
 * read; bad input is 400 with field errors; a body of the wrong media type 415, too large 413;
 * AppErrors map to their status; a query cut off by the statement timeout is a 503 with
 * Retry-After; anything else is a 500 that reveals nothing (the trace id finds the log line).
 * Every response is counted in the request metrics.
 *
 *   export const GET = route({ params: z.object({ id: z.uuid() }) }, ({ actor, params, db }) => getThing(db, actor, params.id));
 *
 * The body is one of the kinds in ./bodies.ts, each with its media type and size limit:
 *
 *   route({ body: createThingInput }, ...)                                   JSON, 64 KiB
 *   route({ body: json(bigInput, { maxBytes: 256 * 1024 }) }, ...)           JSON, its own limit
 *   route({ body: multipart(z.object({ avatar: z.file().max(2_000_000) })) }, ({ body }) => saveAvatar(body.avatar))
 *   route({ body: csv(), statementTimeoutMs: 60_000 }, ({ body, db, actor }) => importCustomers(db, actor, body))
 *   route({ body: signed("stripe", verifyStripe) }, ({ body: event, db }) => handleStripeEvent(db, event))
 *
 * A signed body (a webhook) is the caller's credentials: the signature is checked before anything
 * else, no session is read, and the handler runs as `systemActor(signer)`, which no rate limit
 * charges (a refused signature costs one HMAC and no database work, and a 429 would only delay a
 * sender that retries on its own schedule). Changes it makes are audited with the event as their
 * source (lib/audit's stripeSource(event.id)).
 *
 * `statementTimeoutMs` gives a long operation (an export, an import) its own Postgres statement
 * timeout instead of STATEMENT_TIMEOUT_MS: the handler then runs in one transaction that sets it
 * (./statement-timeout.ts; PGlite ignores timeouts).
 */
import "server-only";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { type Database } from "@/db/client";
import { getDb } from "@/lib/db";
import { getActor } from "@/lib/auth/current";
import { systemActor, type Actor } from "@/lib/auth/actor";
import { unauthorized, validationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { observeRequest } from "@/lib/observability/metrics";
import { consume, type PolicyName } from "@/lib/rate-limit";
import { isBodyReader, json, type BodyReader } from "./bodies";
import { clientIp } from "./client-ip";
import { checkOrigin } from "./origin";
import { checkStatementTimeout, withStatementTimeout } from "./statement-timeout";
import { traced } from "./traced";

export { csv, json, multipart, signed } from "./bodies";

type Shape = z.ZodType | undefined;
type Out<S extends Shape> = S extends z.ZodType ? z.output<S> : undefined;
/** A zod schema (a JSON body) or a body kind from ./bodies.ts. */
type Body = z.ZodType | BodyReader<unknown> | undefined;
type BodyOut<B extends Body> = B extends BodyReader<infer T> ? T : B extends z.ZodType ? z.output<B> : undefined;

export type RouteSpec<P extends Shape, Q extends Shape, B extends Body> = {
  params?: P;
  query?: Q;
  /** A zod schema for a JSON body (64 KiB at most), or a body kind: json, multipart, csv, signed. */
  body?: B;
  /**
   * "public" routes run for anonymous callers too (health, docs, register). Default: "user". A
   * route with a signed body runs for whoever signs it, as the signer's system actor.
   */
  access?: "user" | "public";
  /**
   * The rate-limit policy charged before the handler runs, per actor and per IP. Default: "write"
   * for every method but GET; reads that need one (job views) name it. `chargedBy: "handler"` says
   * the handler's data function charges it inside its own statement (the provider profile: one
   * round trip less), so the wrapper does not; the OpenAPI checks still expect its 429.
   */
  rateLimit?: PolicyName | false | { policy: PolicyName; chargedBy: "handler" };
  /** This route's Postgres statement timeout in ms, for long operations; default STATEMENT_TIMEOUT_MS. */
  statementTimeoutMs?: number;
};

export type RouteContext<P extends Shape, Q extends Shape, B extends Body> = {
  actor: Actor;
  params: Out<P>;
  query: Out<Q>;
  body: BodyOut<B>;
  db: Database;
  req: NextRequest;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** A 201 with a JSON body. */
export function created(body: unknown, headers?: HeadersInit): Response {
  return Response.json(body, { status: 201, headers });
}

export function route<P extends Shape = undefined, Q extends Shape = undefined, B extends Body = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown> | unknown,
) {
  const body: BodyReader<unknown> | undefined =
    spec.body === undefined ? undefined : isBodyReader(spec.body) ? spec.body : json(spec.body);
  const signer = body?.signer;
  const timeout = spec.statementTimeoutMs === undefined ? undefined : checkStatementTimeout(spec.statementTimeoutMs);
  const policy = spec.rateLimit;

  const handle = async (req: NextRequest, context: NextContext): Promise<Response> => {
    const started = performance.now();
    const response = await traced(req, async () => {
      if (!signer) checkOrigin(req); // CSRF: a change from another site's page is refused (./origin.ts)
      // A signature is the caller's credentials: verified first, and no session is read.
      const signedBody = signer ? await body!.read(req) : undefined;
      const actor = signer ? systemActor(signer) : await getActor();
      if (!signer && spec.access !== "public" && actor.kind === "anonymous") throw unauthorized();
      const db = await getDb();
      const charged =
        typeof policy === "object"
          ? false
          : (policy ?? (req.method === "GET" || req.method === "HEAD" ? false : "write"));
      if (charged) await consume(db, charged, { actor, ip: clientIp(req.headers) });
      const [params, query, parsedBody] = await Promise.all([
        parse(spec.params, context.params, "path"),
        spec.query && parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query"),
        signer ? signedBody : body?.read(req),
      ]);
      const run = (db: Database) =>
        handler({
          actor,
          params: params as Out<P>,
          query: query as Out<Q>,
          body: parsedBody as BodyOut<B>,
          db,
          req,
        });
      const result =
        timeout === undefined ? await run(db) : await withStatementTimeout(db, timeout, async (tx) => run(tx));
      return result instanceof Response ? result : Response.json(result ?? null);
    });
    const seconds = (performance.now() - started) / 1000;
    observeRequest({ method: req.method, pathname: req.nextUrl.pathname }, response.status, seconds);
    if (log.isLevelEnabled("debug")) {
      const { method, nextUrl } = req;
      const traceId = response.headers.get("x-request-id");
      const ms = Math.round(seconds * 1000);
      log.debug({ method, path: nextUrl.pathname, status: response.status, ms, traceId }, "request");
    }
    return response;
  };
  // The spec rides on the handler, so a test can check that the OpenAPI docs name these very schemas.
  return Object.assign(handle, { spec });
}

async function parse(schema: z.ZodType | undefined, input: unknown, where: string) {
  if (!schema) return undefined;
  const result = await schema.safeParseAsync(await input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/**
 * The route-handler wrapper: opens the request context (trace id from x-request-id, echoed back),
 * resolves the actor, charges the rate limit, parses params, query and a size-capped body with zod,
 * runs the handler and maps every outcome to JSON. Anonymous callers get 401 before any input is
 * read; bad input is 400 with field errors; AppErrors map to their status; a query cut off by the
 * statement timeout is a 503; anything else is a 500 that reveals nothing (the trace id finds the
 * log line). Every response is counted in the request metrics.
 *
 *   export const GET = route({ params: z.object({ id: z.uuid() }) }, ({ actor, params, db }) => getThing(db, actor, params.id));
 */
import "server-only";
import type { NextRequest } from "next/server";
import { type z } from "zod";
import { getDb } from "@/lib/db";
import { type Database } from "@/db/client";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/actor";
import { badRequest, unauthorized, validationError } from "@/lib/errors";
import { log } from "@/lib/log";
import { traceIdFrom, withRequestContext } from "@/lib/observability/context";
import { observeRequest } from "@/lib/observability/metrics";
import { consume, type PolicyName } from "@/lib/rate-limit";
import { clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import { readBody } from "./body";

type Shape = z.ZodType | undefined;
type Out<S extends Shape> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<P extends Shape, Q extends Shape, B extends Shape> = {
  params?: P;
  query?: Q;
  body?: B;
  /** "public" routes run for anonymous callers too (health, docs, register). Default: "user". */
  access?: "user" | "public";
  /**
   * The rate-limit policy charged before the handler runs, per actor and per IP. Default: "write"
   * for every method but GET; reads that need one (profile views) name it.
   */
  rateLimit?: PolicyName | false;
  /** The largest JSON body accepted, in bytes (default 64 KiB); more is a 413. */
  maxBodyBytes?: number;
};

export type RouteContext<P extends Shape, Q extends Shape, B extends Shape> = {
  actor: Actor;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  db: Database;
  req: NextRequest;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** A 201 with a JSON body. */
export function created(body: unknown, headers?: HeadersInit): Response {
  return Response.json(body, { status: 201, headers });
}

export function route<P extends Shape = undefined, Q extends Shape = undefined, B extends Shape = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown> | unknown,
) {
  const policy = spec.rateLimit;
  const handle = (req: NextRequest, context: NextContext): Promise<Response> =>
    withRequestContext(traceIdFrom(req.headers), async ({ traceId, responseHeaders }) => {
      const started = performance.now();
      let response: Response;
      try {
        const actor = await getActor();
        if (spec.access !== "public" && actor.kind === "anonymous") throw unauthorized();
        const db = await getDb();
        const charged = policy ?? (req.method === "GET" || req.method === "HEAD" ? false : "write");
        if (charged) await consume(db, charged, { actor, ip: clientIp(req.headers) });
        const [params, query, body] = await Promise.all([
          parse(spec.params, await context.params, "path"),
          parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query"),
          spec.body
            ? readJson(req, spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES).then((json) => parse(spec.body, json, "body"))
            : undefined,
        ]);
        const result = await handler({
          actor,
          params: params as Out<P>,
          query: query as Out<Q>,
          body: body as Out<B>,
          db,
          req,
        });
        response = result instanceof Response ? result : Response.json(result ?? null);
      } catch (error) {
        response = errorResponse(error, traceId, req);
      }
      responseHeaders.forEach((value, name) => response.headers.set(name, value));
      response.headers.set("x-request-id", traceId);
      const seconds = (performance.now() - started) / 1000;
      observeRequest({ method: req.method, pathname: req.nextUrl.pathname }, response.status, seconds);
      log.debug(
        { method: req.method, path: req.nextUrl.pathname, status: response.status, ms: Math.round(seconds * 1000) },
        "request",
      );
      return response;
    });
  // The spec rides on the handler, so a test can check that the OpenAPI docs name these very schemas.
  return Object.assign(handle, { spec });
}

async function parse(schema: z.ZodType | undefined, input: unknown, where: string) {
  if (!schema) return undefined;
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

async function readJson(req: NextRequest, maxBytes: number): Promise<unknown> {
  if (!req.headers.get("content-type")?.includes("application/json")) {
    throw badRequest("Send a JSON body with Content-Type: application/json.");
  }
  const text = await readBody(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

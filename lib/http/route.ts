/**
 * The route-handler wrapper: resolves the actor, parses params, query and body with zod, runs the
 * handler and maps every outcome to JSON. Anonymous callers get 401 before any input is read;
 * bad input is 400 with field errors; AppErrors map to their status; anything else is a 500 that
 * reveals nothing (the trace id lets an operator find the log line).
 *
 *   export const GET = route({ params: z.object({ id: z.uuid() }) }, ({ actor, params, db }) => getThing(db, actor, params.id));
 */
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb, type Database } from "@/db/client";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/actor";
import { AppError, badRequest, internalError, toErrorBody, unauthorized, validationError } from "@/lib/errors";
import { log } from "@/lib/log";

type Shape = z.ZodType | undefined;
type Out<S extends Shape> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteSpec<P extends Shape, Q extends Shape, B extends Shape> = {
  params?: P;
  query?: Q;
  body?: B;
  /** "public" routes run for anonymous callers too (health, docs, register). Default: "user". */
  access?: "user" | "public";
};

export type RouteContext<P extends Shape, Q extends Shape, B extends Shape> = {
  actor: Actor;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  db: Database;
  req: NextRequest;
  traceId: string;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

/** A 201 with a JSON body. */
export function created(body: unknown, headers?: HeadersInit): Response {
  return Response.json(body, { status: 201, headers });
}

export function route<P extends Shape = undefined, Q extends Shape = undefined, B extends Shape = undefined>(
  spec: RouteSpec<P, Q, B>,
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown> | unknown,
) {
  return async (req: NextRequest, context: NextContext): Promise<Response> => {
    const traceId = req.headers.get("x-request-id")?.slice(0, 128) || randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      const actor = await getActor();
      if (spec.access !== "public" && actor.kind === "anonymous") throw unauthorized();
      const [params, query, body] = await Promise.all([
        parse(spec.params, await context.params, "path"),
        parse(spec.query, Object.fromEntries(req.nextUrl.searchParams), "query"),
        spec.body ? readJson(req).then((json) => parse(spec.body, json, "body")) : undefined,
      ]);
      const result = await handler({
        actor,
        params: params as Out<P>,
        query: query as Out<Q>,
        body: body as Out<B>,
        db: await getDb(),
        req,
        traceId,
      });
      response = result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      response = errorResponse(error, traceId, req);
    }
    response.headers.set("x-request-id", traceId);
    log.debug({ traceId, method: req.method, path: req.nextUrl.pathname, status: response.status, ms: Math.round(performance.now() - started) }, "request");
    return response;
  };
}

async function parse(schema: z.ZodType | undefined, input: unknown, where: string) {
  if (!schema) return undefined;
  const result = await schema.safeParseAsync(input);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

async function readJson(req: NextRequest): Promise<unknown> {
  if (!req.headers.get("content-type")?.includes("application/json")) {
    throw badRequest("Send a JSON body with Content-Type: application/json.");
  }
  try {
    return await req.json();
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}

export function errorResponse(error: unknown, traceId: string, req?: NextRequest): Response {
  const appError = error instanceof AppError ? error : internalError();
  if (!(error instanceof AppError)) {
    log.error({ traceId, path: req?.nextUrl.pathname, err: error }, "unhandled error");
  }
  const headers = new Headers();
  if (appError.details.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(Math.max(1, Math.ceil(appError.details.retryAfterSeconds))));
  }
  return Response.json(toErrorBody(appError, traceId), { status: appError.status, headers });
}

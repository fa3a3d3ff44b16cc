/**
 * The server-action wrapper, for forms driven by useActionState: resolves the actor, parses the
 * form (or a plain object) with zod and returns a serialisable result instead of throwing, so the
 * form can show field errors next to their inputs. Next's redirect() and notFound() pass through.
 * Like the route wrapper it opens a request context (trace id) and charges a rate limit ("write"
 * unless the action names another).
 */
import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import { type Database } from "@/db/client";
import { getActor } from "@/lib/auth/current";
import type { Actor } from "@/lib/auth/actor";
import { toAppError, unauthorized, validationError, type ErrorCode, type FieldErrors, type Reason } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { log } from "@/lib/log";
import { traceIdFrom, withRequestContext } from "@/lib/observability/context";
import { consume, type PolicyName } from "@/lib/rate-limit";

export type ActionResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ErrorCode; message: string; reason?: Reason; fieldErrors?: FieldErrors } };

export type ActionContext<S extends z.ZodType> = { actor: Actor; input: z.output<S>; db: Database };

/** FormData to a plain object; repeated names become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

export function action<S extends z.ZodType, T>(
  schema: S,
  handler: (ctx: ActionContext<S>) => Promise<T>,
  options: { access?: "user" | "public"; rateLimit?: PolicyName } = {},
) {
  return async (_previous: ActionResult<T> | null, input: FormData | z.input<S>): Promise<ActionResult<T>> => {
    const requestHeaders = await headers();
    return withRequestContext(traceIdFrom(requestHeaders), async () => {
      try {
        const actor = await getActor();
        if (options.access !== "public" && actor.kind === "anonymous") throw unauthorized();
        const db = await getDb();
        await consume(db, options.rateLimit ?? "write", { actor, ip: clientIp(requestHeaders) });
        const parsed = await schema.safeParseAsync(input instanceof FormData ? formToObject(input) : input);
        if (!parsed.success) throw validationError(parsed.error, "form");
        return { ok: true as const, data: await handler({ actor, input: parsed.data, db }) };
      } catch (error) {
        unstable_rethrow(error);
        return { ok: false as const, error: actionError(error) };
      }
    });
  };
}

function actionError(error: unknown): Extract<ActionResult, { ok: false }>["error"] {
  const { appError, unexpected } = toAppError(error);
  if (unexpected) log[unexpected]({ err: error }, "action failed");
  return {
    code: appError.code,
    message: appError.userMessage,
    ...(appError.details.reason && { reason: appError.details.reason }),
    ...(appError.details.fieldErrors && { fieldErrors: appError.details.fieldErrors }),
  };
}

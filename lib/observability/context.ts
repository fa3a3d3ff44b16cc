/**
 * The request context: what every piece of work done for one request shares without passing it
 * around — the trace id (into logs, audit rows and events) and headers that code deep in the call
 * (a rate limiter) wants on the response. It lives in AsyncLocalStorage, kept on globalThis so the
 * separately bundled route modules of Next share one store.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = {
  traceId: string;
  /** Set on the response by the wrapper that opened the context, whatever the outcome. */
  responseHeaders: Headers;
};

const STORE = Symbol.for("clientele.requestContext");
const globalForContext = globalThis as { [STORE]?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext[STORE] ??= new AsyncLocalStorage<RequestContext>());

/** A caller's x-request-id when it is a sane token, or a new UUID. */
export function traceIdFrom(headers: Pick<Headers, "get"> | null | undefined): string {
  const given = headers?.get("x-request-id")?.trim();
  return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

export function withRequestContext<T>(traceId: string, fn: (context: RequestContext) => T): T {
  const context: RequestContext = { traceId, responseHeaders: new Headers() };
  return storage.run(context, () => fn(context));
}

export function requestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentTraceId(): string | undefined {
  return storage.getStore()?.traceId;
}

/**
 * Any error as its JSON response: AppErrors keep their status, reason, field errors, Retry-After
 * and extra headers; a query the statement timeout cut off is a 503; anything else is a 500 whose
 * body says nothing but the trace id (the error itself goes to the log).
 */
import { toAppError, toErrorBody } from "@/lib/errors";
import { log } from "@/lib/log";
import { requestContext } from "@/lib/observability/context";

/** Maps any error to its JSON response; the trace id defaults to the current request's. */
export function errorResponse(error: unknown, traceId = requestContext()?.traceId, req?: Request): Response {
  const { appError, unexpected } = toAppError(error);
  if (unexpected) log[unexpected]({ path: req && new URL(req.url).pathname, err: error }, "request failed");
  const headers = new Headers(appError.details.headers);
  if (appError.details.retryAfterSeconds !== undefined) {
    headers.set("retry-after", String(Math.max(1, Math.ceil(appError.details.retryAfterSeconds))));
  }
  return Response.json(toErrorBody(appError, traceId), { status: appError.status, headers });
}

/**
 * The outer shell of a handler that is not a session route (cron, metrics): a request context
 * with the caller's trace id, errors mapped by errorResponse, and the trace id (plus any headers
 * code set on the context) on the response. route() does the same and adds the session, input
 * parsing, rate limits and request metrics.
 */
import { errorResponse } from "./error-response";
import { traceIdFrom, withRequestContext } from "@/lib/observability/context";

export function traced(req: Request, run: () => Promise<Response>): Promise<Response> {
  return withRequestContext(traceIdFrom(req.headers), async ({ traceId, responseHeaders }) => {
    let response: Response;
    try {
      response = await run();
    } catch (error) {
      response = errorResponse(error, traceId);
    }
    responseHeaders.forEach((value, name) => response.headers.set(name, value));
    response.headers.set("x-request-id", traceId);
    return response;
  });
}

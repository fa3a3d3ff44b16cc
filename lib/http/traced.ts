/**
 * The outer shell of every API handler: a request context with the caller's trace id, errors
 * mapped by errorResponse, and the trace id (plus any headers code set on the context) on the
 * response, whatever the outcome. route() is built on it and adds the session, input parsing, rate
 * limits and request metrics; handlers that are not session routes (health, Auth.js's endpoints,
 * cron, metrics, unknown API paths) use it directly.
 */
import { errorResponse } from "./error-response";
import { isHttps } from "./client-ip";
import { STRICT_TRANSPORT_SECURITY } from "./security-headers";
import { traceIdFrom, withRequestContext, type RequestContext } from "@/lib/observability/context";

export function traced(req: Request, run: (context: RequestContext) => Promise<Response>): Promise<Response> {
  return withRequestContext(traceIdFrom(req.headers), async (context) => {
    let response: Response;
    try {
      response = await run(context);
    } catch (error) {
      response = errorResponse(error, context.traceId, req);
    }
    return withContextHeaders(response, context, req);
  });
}

/**
 * The response with the context's headers and the trace id set, and Strict-Transport-Security when
 * the request came over https. A response whose headers are immutable (Response.redirect, a
 * fetched response passed through) is copied first.
 */
export function withContextHeaders(
  response: Response,
  { traceId, responseHeaders }: RequestContext,
  req?: Request,
): Response {
  const https = req !== undefined && isHttps(req.headers);
  try {
    return stamp(response, traceId, responseHeaders, https);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const copy = new Response(response.body, response);
    return stamp(copy, traceId, responseHeaders, https);
  }
}

function stamp(response: Response, traceId: string, headers: Headers, https: boolean): Response {
  headers.forEach((value, name) => response.headers.set(name, value));
  response.headers.set("x-request-id", traceId);
  if (https) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

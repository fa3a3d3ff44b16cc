/**
 * GET /api/openapi.json, public: the OpenAPI 3.1 document, serialised once per process. It does not
 * use the route() wrapper: describing the API needs neither a session nor the database, so the
 * docs stay readable while either is down.
 */
import { openApiDocument } from "@/lib/openapi/document";

let body: string | undefined;

export function GET(): Response {
  body ??= JSON.stringify(openApiDocument());
  return new Response(body, {
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" },
  });
}

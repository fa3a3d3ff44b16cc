/**
 * Any /api path no route serves: a JSON 404 in the error shape every API error has, with the trace
 * id, instead of Next's HTML not-found page. Next tries every other route first (a static or
 * dynamic segment outranks a catch-all), so this answers only what nothing else does. Not counted
 * in the request metrics: arbitrary paths would be arbitrary label values.
 */
import { notFound } from "@/lib/errors";
import { traced } from "@/lib/http/traced";

function noSuchRoute(req: Request): Promise<Response> {
  return traced(req, async () => {
    throw notFound("That API route");
  });
}

export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };

/** GET: the event outbox for platform administrators: counts by status and a page of events. */
import { route } from "@/lib/http/route";
import { getOutboxOverview } from "@/lib/events/admin";
import { listOutboxQuery } from "@/lib/events/inputs";

export const GET = route({ query: listOutboxQuery }, ({ db, actor, query }) => getOutboxOverview(db, actor, query));

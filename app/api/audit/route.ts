/** GET /api/audit: a record's change history, newest first, in the caller's scope (lib/authz auditScope). */
import { route } from "@/lib/http/route";
import { auditHistory } from "@/lib/audit/history";
import { auditQuery } from "@/lib/audit/inputs";

export const GET = route({ query: auditQuery }, ({ db, actor, query }) =>
  auditHistory(db, actor, {
    entityType: query.entity_type,
    entityId: query.entity_id,
    cursor: query.cursor,
    limit: query.limit,
  }),
);

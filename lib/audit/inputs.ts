/** What the audit history accepts, for the JSON API and the history panel alike. */
import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { entityRef } from "@/lib/inputs";

export const AUDIT_PAGE_DEFAULT = 20;
export const AUDIT_PAGE_MAX = 100;

export const auditQuery = z.object({
  entity_type: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "Name an entity type in lower case, such as membership or customer.")
    .meta({ description: "The kind of record: membership, invitation, user, customer, ...", example: "membership" }),
  entity_id: entityRef(200)
    .optional()
    .meta({ description: "One record's id. Staff may omit it to list every record of the type in their business." }),
  cursor: pageCursor("The next_cursor of the previous page; omit for the newest changes."),
  limit: pageLimit(AUDIT_PAGE_MAX, AUDIT_PAGE_DEFAULT, "Rows"),
});
export type AuditQuery = z.output<typeof auditQuery>;

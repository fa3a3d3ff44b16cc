/** What the audit history accepts, for the JSON API and the history panel alike. */
import { z } from "zod";

export const AUDIT_PAGE_DEFAULT = 20;
export const AUDIT_PAGE_MAX = 100;

export const auditQuery = z.object({
  entity_type: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "Name an entity type in lower case, such as membership or customer.")
    .meta({ description: "The kind of record: membership, invitation, user, customer, ...", example: "membership" }),
  entity_id: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "One record's id. Staff may omit it to list every record of the type in their business." }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "The next_cursor of the previous page; omit for the newest changes." }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_PAGE_MAX)
    .default(AUDIT_PAGE_DEFAULT)
    .meta({ description: `Rows per page (1-${AUDIT_PAGE_MAX}, default ${AUDIT_PAGE_DEFAULT}).` }),
});
export type AuditQuery = z.output<typeof auditQuery>;

/** What the audit history sends back; every field is named here. */
import { z } from "zod";
import { jsonValue } from "@/lib/openapi/json-value";

export const auditActorDto = z
  .strictObject({
    type: z.enum(["user", "system", "stripe"]),
    user_id: z.uuid().nullable().meta({ description: "The person, when a person made the change." }),
    name: z.string().nullable().meta({
      description: "What to show: the person's current name, or the job or source label; null for a deleted account.",
    }),
    label: z
      .string()
      .nullable()
      .meta({
        description:
          'The job ("cron:retention") or source ("stripe:evt_...") when no person made the change; "outside_business" ' +
          "when a person outside the reader's business made it (a customer, a platform administrator), who is not named.",
      }),
  })
  .meta({ id: "AuditActor", description: "Who made the change." });

export const auditEntryDto = z
  .strictObject({
    id: z.string().meta({ description: "Row id (a decimal integer); unique and increasing." }),
    at: z.iso.datetime().meta({ description: "When the change was made (the start of its transaction)." }),
    actor: auditActorDto,
    entity: z.strictObject({
      type: z.string(),
      id: z.string(),
      name: z
        .string()
        .nullable()
        .meta({ description: "A readable name for records that are people (membership, user), when known." }),
    }),
    action: z.string().meta({ description: "create, update, delete, or a verb such as accept, erase or export." }),
    field: z
      .string()
      .nullable()
      .meta({ description: "The field that changed; null for an action with no field diff." }),
    old_value: jsonValue.meta({
      description: 'The value before (JSON; null for none); {"redacted": true} for a sensitive field.',
    }),
    new_value: jsonValue.meta({
      description: 'The value after (JSON; null for none); {"redacted": true} for a sensitive field.',
    }),
    redacted: z.boolean().meta({ description: "The field is sensitive: it changed, but its values are not kept." }),
    trace_id: z.string().nullable().meta({ description: "The request that made the change; it finds its log lines." }),
  })
  .meta({ id: "AuditEntry", description: "One changed field of one record." });
export type AuditEntryDto = z.infer<typeof auditEntryDto>;

export const auditPageDto = z
  .strictObject({
    items: z.array(auditEntryDto),
    next_cursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `cursor` for the next (older) page; null on the last page." }),
  })
  .meta({ id: "AuditPage", description: "Changes, newest first." });
export type AuditPageDto = z.infer<typeof auditPageDto>;

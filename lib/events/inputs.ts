/** What the outbox admin endpoints accept. */
import { z } from "zod";
import { outboxStatus } from "@/db/schema";

export const outboxStatusSchema = z.enum(outboxStatus.enumValues);

export const listOutboxQuery = z.object({
  status: outboxStatusSchema.optional().meta({ description: "Only events in this state." }),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "Pass the next_cursor of the previous page.")
    .optional()
    .meta({ description: "The next_cursor of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(25).meta({ description: "Events per page (1-100)." }),
});
export type ListOutboxQuery = z.input<typeof listOutboxQuery>;

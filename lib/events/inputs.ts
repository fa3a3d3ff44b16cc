/** What the outbox admin endpoints accept. */
import { z } from "zod";
import { outboxStatus } from "@/db/schema";
import { pageLimit } from "@/lib/http/page-query";

export const outboxStatusSchema = z.enum(outboxStatus.enumValues);

export const listOutboxQuery = z.object({
  status: outboxStatusSchema.optional().meta({ description: "Only events in this state." }),
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, "Pass the next_cursor of the previous page.")
    .optional()
    .meta({ description: "The next_cursor of the previous page." }),
  limit: pageLimit(100, 25, "Events"),
});
export type ListOutboxQuery = z.input<typeof listOutboxQuery>;

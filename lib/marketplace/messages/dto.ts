/**
 * What the message routes send back: a sent message, and a page of one thread with public names only.
 */
import { z } from "zod";
import { partyRole } from "@/db/schema";
import { at } from "@/lib/dto";

const party = z.enum(partyRole.enumValues);

export const messageDto = z
  .strictObject({
    message_id: z.uuid(),
    job_id: z.uuid(),
    provider_business_id: z.uuid(),
    sender_role: party,
    body: z.string(),
    created_at: at,
  })
  .meta({ id: "JobMessage" });
export type MessageDto = z.infer<typeof messageDto>;

export const jobThreadMessageDto = z
  .strictObject({
    message_id: z.uuid(),
    sender_role: party,
    sender_name: z.string().meta({
      description:
        "The provider business's name, or the customer's public name (their chosen name, else first name and last initial).",
    }),
    body: z.string(),
    created_at: at,
  })
  .meta({ id: "JobThreadMessage" });
export type JobThreadMessageDto = z.infer<typeof jobThreadMessageDto>;
export const jobMessagePageDto = z
  .strictObject({
    job_id: z.uuid(),
    provider_business_id: z.uuid().meta({ description: "The thread's provider business." }),
    viewer_role: party.meta({ description: "The caller's side of the thread, so a client can tell its own messages." }),
    messages: z.array(jobThreadMessageDto).meta({ description: "Oldest to newest within the page." }),
    // keysetPagination's shape, worded for this list: its cursor goes back as `before`, not `cursor`.
    pagination: z.strictObject({
      has_more: z.boolean().meta({ description: "Whether older messages remain." }),
      next_cursor: z
        .string()
        .nullable()
        .meta({ description: "Pass as `before` for the older page; null on the oldest page." }),
      limit: z.int(),
    }),
  })
  .meta({ id: "JobMessagePage", description: "A page of one thread's messages, newest page first." });
export type JobMessagePageDto = z.infer<typeof jobMessagePageDto>;

/**
 * What the message routes accept: a message to send, and a page of a thread to read.
 */
import { z } from "zod";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { id, text } from "@/lib/inputs";

export const MESSAGES_PAGE_DEFAULT = 30;
export const MESSAGES_PAGE_MAX = 100;
export const jobMessagesQuery = z.object({
  provider_business_id: id("That is not a provider business id.").optional().meta({
    description: "The thread: the customer names the provider business; a provider may leave it out (its own).",
  }),
  limit: pageLimit(MESSAGES_PAGE_MAX, MESSAGES_PAGE_DEFAULT, "Messages"),
  before: pageCursor("The `next_cursor` of the previous page, for older messages; omit for the newest page."),
});
export type JobMessagesQuery = z.output<typeof jobMessagesQuery>;

export const messageInput = z.object({
  body: text(4000, "Write a message."),
  /** The customer names the provider thread; a provider always writes in its own. */
  provider_business_id: id().optional(),
});
export type MessageInput = z.output<typeof messageInput>;

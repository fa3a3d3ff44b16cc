/**
 * Reading one message thread of a job (GET /api/jobs/{jobId}/messages): the newest page first,
 * then older pages by a keyset cursor on (created_at, id), each page oldest to newest so a chat
 * renders top-down. The job's customer reads any thread of their job (naming its provider); a
 * provider reads only its own, and only once it applied. Reading records nothing.
 *
 * job_messages_thread_idx (job_id, provider_business_id, created_at), read backwards, serves the
 * page: the cursor's time bounds the index scan, and rows sharing one created_at (a transaction's
 * messages) are put in id order by an incremental sort of that one group.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { businesses, customers, jobMessages as jm, partyRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor } from "@/lib/authz/policy";
import { badRequest, forbidden } from "@/lib/errors";
import { keysetCursor, keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { publicDisplayName } from "@/lib/provider-profile/figures";
import { pageCursor, pageLimit } from "@/lib/http/page-query";
import { loadJobFor } from "./job-access";

export const MESSAGES_PAGE_DEFAULT = 30;
export const MESSAGES_PAGE_MAX = 100;

export const jobMessagesQuery = z.object({
  provider_business_id: z
    .uuid("That is not a provider business id.")
    .optional()
    .meta({ description: "The thread: the customer names the provider business; a provider may leave it out (its own)." }),
  limit: pageLimit(MESSAGES_PAGE_MAX, MESSAGES_PAGE_DEFAULT, "Messages"),
  before: pageCursor("The `next_cursor` of the previous page, for older messages; omit for the newest page."),
});
export type JobMessagesQuery = z.output<typeof jobMessagesQuery>;

const party = z.enum(partyRole.enumValues);

export const jobThreadMessageDto = z
  .strictObject({
    message_id: z.uuid(),
    sender_role: party,
    sender_name: z.string().meta({
      description: "The provider business's name, or the customer's public name (their chosen name, else first name and last initial).",
    }),
    body: z.string(),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "JobThreadMessage" });
export type JobThreadMessageDto = z.infer<typeof jobThreadMessageDto>;

export const jobMessagePageDto = z
  .strictObject({
    job_id: z.uuid(),
    provider_business_id: z.uuid().meta({ description: "The thread's provider business." }),
    viewer_role: party.meta({ description: "The caller's side of the thread, so a client can tell its own messages." }),
    messages: z.array(jobThreadMessageDto).meta({ description: "Oldest to newest within the page." }),
    pagination: z.strictObject({
      has_more: z.boolean().meta({ description: "Whether older messages remain." }),
      next_cursor: z.string().nullable().meta({ description: "Pass as `before` for the older page; null on the oldest page." }),
      limit: z.int(),
    }),
  })
  .meta({ id: "JobMessagePage", description: "A page of one thread's messages, newest page first." });
export type JobMessagePageDto = z.infer<typeof jobMessagePageDto>;

export async function listJobMessages(db: Database, actor: Actor, jobId: string, query: JobMessagesQuery): Promise<JobMessagePageDto> {
  const m = marketplaceActor(actor);
  const { job, side, ownApplication } = await loadJobFor(db, m, jobId);
  const provider = threadOf(side, m.providerBusinessId, ownApplication !== null, query.provider_business_id);
  const before = query.before ? decodeBefore(query.before, provider) : null;
  const { limit } = query;

  // One after another, as getJob does: a page request holds one pooled connection at a time.
  const rows = await db
    .select({ id: jm.id, at: microsText(jm.createdAt), role: jm.senderRole, body: jm.body })
    .from(jm)
    .where(and(eq(jm.jobId, jobId), eq(jm.providerBusinessId, provider), olderThan(before, jm.createdAt, jm.id)))
    .orderBy(desc(jm.createdAt), desc(jm.id))
    .limit(limit + 1);
  // Both names in one round trip; only the last name's initial leaves the database.
  const [names] = await db
    .select({
      providerName: businesses.name,
      displayName: customers.displayName,
      firstName: customers.firstName,
      lastInitial: sql<string>`left(${customers.lastName}, 1)`,
    })
    .from(customers)
    .leftJoin(businesses, eq(businesses.id, provider))
    .where(eq(customers.id, job.customerId));

  const { page, pagination } = keysetPage(rows, limit, (oldest) =>
    messageCursors.encode({ p: provider, t: oldest.at, i: oldest.id }),
  );
  const customerName = names ? publicDisplayName(names.displayName, names.firstName, names.lastInitial) : "The customer";
  return {
    job_id: jobId,
    provider_business_id: provider,
    viewer_role: side,
    messages: page.reverse().map((row) => ({
      message_id: row.id,
      sender_role: row.role,
      sender_name: row.role === "customer" ? customerName : (names?.providerName ?? "The provider"),
      body: row.body,
      created_at: new Date(row.at).toISOString(),
    })),
    pagination,
  };
}

/** The provider business whose thread the caller reads: the one the customer names, a provider's own. */
function threadOf(side: "customer" | "provider", ownProvider: string | null, applied: boolean, named: string | undefined): string {
  if (side === "customer") {
    if (!named) throw badRequest("Name the provider whose conversation to read.", { provider_business_id: ["Required for the customer."] });
    return named;
  }
  if (named && named !== ownProvider) {
    throw forbidden("not_your_thread", "A provider can read only its own conversation with the customer.");
  }
  // A provider has a thread once it applied (the booked provider applied too).
  if (!applied) throw forbidden("not_applied", "Apply to this job before messaging the customer.");
  return ownProvider!;
}

/*
 * The cursor: the oldest message's position (lib/http/keyset.ts) and the thread it belongs to, so
 * a cursor carried over to another thread is refused, not misapplied.
 */
const messageCursors = keysetCursor({ p: z.uuid() });

function decodeBefore(cursor: string, provider: string) {
  const invalid = () =>
    badRequest("That page cursor is not valid. Start again from the newest messages.", { before: ["Not a cursor from this thread."] });
  const position = messageCursors.decode(cursor, invalid);
  if (position.p !== provider) throw invalid();
  return position;
}

/**
 * Reading one message thread of a job (GET /api/jobs/{jobId}/messages): the newest page first,
 * then older pages by a keyset cursor on (created_at, id), each page oldest to newest so a chat
 * renders top-down. The job's customer reads any thread of their job (naming its provider); a
 * provider reads only its own, and only once it applied. Reading records nothing.
 *
 * job_messages_thread_idx (job_id, provider_business_id, created_at), read backwards, serves the
 * page: the cursor's time bounds the index scan, and rows sharing one created_at (a transaction's
 * messages) are put in id order by an incremental sort of that one group. The two names come in
 * the same statement: both joins are on a key the WHERE clause fixes (the thread's provider, the
 * job's customer), so each is one primary-key row.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, customers, jobMessages as jm } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { marketplaceActor } from "@/lib/authz/policy";
import { badRequest, forbidden } from "@/lib/errors";
import { keysetCursor, keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { id } from "@/lib/inputs";
import { lastNameInitialSql, publicDisplayName } from "@/lib/customer-profile/figures";
import { iso } from "@/lib/dto";
import { loadJobFor } from "@/lib/marketplace/jobs/access";
import { threadProviderOf } from "./threads";
import { type JobMessagePageDto, jobMessagePageDto, type JobThreadMessageDto } from "./dto";
import { type JobMessagesQuery } from "./inputs";

export async function listJobMessages(
  db: Database,
  actor: Actor,
  jobId: string,
  query: JobMessagesQuery,
): Promise<JobMessagePageDto> {
  const m = marketplaceActor(actor);
  const { job, side, ownApplication } = await loadJobFor(db, m, jobId);
  const provider = threadProviderOf(side, m.providerBusinessId, query.provider_business_id, {
    unnamed: () =>
      badRequest("Name the provider whose conversation to read.", {
        provider_business_id: ["Required for the customer."],
      }),
    notOwn: () => forbidden("not_your_thread", "A provider can read only its own conversation with the customer."),
  });
  // A provider has a thread once it applied (the booked provider applied too).
  if (side === "provider" && !ownApplication)
    throw forbidden("not_applied", "Apply to this job before messaging the customer.");
  const before = query.before ? decodeBefore(query.before, provider) : null;
  const { limit } = query;

  const rows = await db
    .select({
      id: jm.id,
      at: microsText(jm.createdAt),
      role: jm.senderRole,
      body: jm.body,
      providerName: businesses.name,
      displayName: customers.displayName,
      firstName: customers.firstName,
      // Only the start of the last name's last word leaves the database; the DTO carries its initial.
      lastInitial: lastNameInitialSql(customers.lastName),
    })
    .from(jm)
    .leftJoin(businesses, eq(businesses.id, jm.providerBusinessId))
    .leftJoin(customers, eq(customers.id, job.customerId))
    .where(and(eq(jm.jobId, jobId), eq(jm.providerBusinessId, provider), olderThan(before, jm.createdAt, jm.id)))
    .orderBy(desc(jm.createdAt), desc(jm.id))
    .limit(limit + 1);

  const { page, pagination } = keysetPage(rows, limit, (oldest) =>
    messageCursors.encode({ p: provider, t: oldest.at, i: oldest.id }),
  );
  return jobMessagePageDto.parse({
    job_id: jobId,
    provider_business_id: provider,
    viewer_role: side,
    messages: page.reverse().map((row) => ({
      message_id: row.id,
      sender_role: row.role,
      sender_name: senderName(row),
      body: row.body,
      created_at: iso(row.at),
    })),
    pagination,
  });
}

/** Who wrote a message, by public name; the fallbacks cover a name whose row is gone. */
function senderName(row: {
  role: JobThreadMessageDto["sender_role"];
  providerName: string | null;
  displayName: string | null;
  firstName: string | null;
  lastInitial: string;
}): string {
  if (row.role === "provider") return row.providerName ?? "The provider";
  return row.firstName === null ? "The customer" : publicDisplayName(row.displayName, row.firstName, row.lastInitial);
}

/*
 * The cursor: the oldest message's position (lib/http/keyset.ts) and the thread it belongs to, so
 * a cursor carried over to another thread is refused, not misapplied.
 */
const messageCursors = keysetCursor({ p: id() });

function decodeBefore(cursor: string, provider: string) {
  const invalid = () =>
    badRequest("That page cursor is not valid. Start again from the newest messages.", {
      before: ["Not a cursor from this thread."],
    });
  return messageCursors.decode(cursor, { expected: { p: provider }, refuse: invalid });
}

/**
 * GET /api/admin/reviews: the reviews a platform administrator moderates, a keyset page at a time.
 *
 * - disputed: the queue. Every review a customer disputed that no administrator has decided on
 *   since (hidden, shown or kept: setReviewVisibility stamps moderated_at), most recently disputed
 *   first. A decision takes a review out; a decision made before the dispute (an administrator hid
 *   a review nobody had disputed yet) does not. A customer disputes a review at most once, so a
 *   decided dispute never comes back.
 * - hidden: every hidden review, newest first by when it was written. Not by when it was hidden:
 *   reviews hidden before moderated_at existed (and the scale seed's) have none, and the time of the
 *   last decision moves while administrators work, which would shift pages under a reader; the time
 *   a review was written never changes.
 *
 * Each list reads its own partial index (customer_reviews_dispute_queue_idx, customer_reviews_hidden_idx)
 * through the very predicate the index is defined with (db/schema/marketplace.ts). Both orders end in
 * the id, which makes them total: rows written in the same microsecond are neither skipped nor
 * repeated across pages. The customer is named by their public name only ("John D."), as providers
 * see it; only the start of the last name's last word is read, enough to cut its initial, and
 * contact details are not selected at all.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import {
  businesses,
  customerReviews as r,
  customers,
  jobs,
  reviewAwaitingModeration,
  reviewIsHidden,
} from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requirePlatformAdmin } from "@/lib/authz/policy";
import { badRequest } from "@/lib/errors";
import { keysetCursor, keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { lastNameInitialSql, publicDisplayName } from "@/lib/customer-profile/figures";
import { iso } from "@/lib/dto";
import { type ModerationPageDto, moderationPageDto } from "./dto";
import { type ModerationQuery, MODERATION_STATUSES, type ModerationStatus } from "./inputs";

/** What each list shows and the time column it is ordered by (newest first, then id). */
const LISTS = {
  disputed: { where: reviewAwaitingModeration(r), orderedBy: r.disputedAt },
  hidden: { where: reviewIsHidden(r), orderedBy: r.createdAt },
} as const;

export async function listReviewsForModeration(
  db: Database,
  actor: Actor,
  query: ModerationQuery,
): Promise<ModerationPageDto> {
  requirePlatformAdmin(actor);
  const { status, limit } = query;
  const after = query.cursor ? decodeModerationCursor(query.cursor, status) : null;
  const { where, orderedBy } = LISTS[status];
  const rows = await db
    .select({
      id: r.id,
      jobId: r.jobId,
      jobTitle: jobs.title,
      jobCategory: r.jobCategory,
      rating: r.rating,
      comment: r.comment,
      isVisible: r.isVisible,
      disputedAt: r.disputedAt,
      disputeReason: r.disputeReason,
      moderatedAt: r.moderatedAt,
      createdAt: r.createdAt,
      providerBusinessId: r.providerBusinessId,
      providerName: businesses.name,
      customerId: r.customerId,
      chosenName: customers.displayName,
      firstName: customers.firstName,
      lastInitial: lastNameInitialSql(customers.lastName),
      sortKey: microsText(orderedBy),
    })
    .from(r)
    .innerJoin(jobs, eq(jobs.id, r.jobId))
    .innerJoin(businesses, eq(businesses.id, r.providerBusinessId))
    .innerJoin(customers, eq(customers.id, r.customerId))
    .where(and(where, olderThan(after, orderedBy, r.id)))
    .orderBy(desc(orderedBy), desc(r.id))
    .limit(limit + 1);

  const { page, pagination } = keysetPage(rows, limit, (last) =>
    reviewCursors.encode({ o: status, t: last.sortKey, i: last.id }),
  );
  return moderationPageDto.parse({
    reviews: page.map((row) => ({
      review_id: row.id,
      job_id: row.jobId,
      job_title: row.jobTitle,
      job_category: row.jobCategory,
      rating: row.rating,
      comment: row.comment,
      is_visible: row.isVisible,
      disputed_at: iso(row.disputedAt),
      dispute_reason: row.disputeReason,
      moderated_at: iso(row.moderatedAt),
      created_at: iso(row.createdAt),
      provider_business_id: row.providerBusinessId,
      provider_name: row.providerName,
      customer_id: row.customerId,
      customer_display_name: publicDisplayName(row.chosenName, row.firstName, row.lastInitial),
    })),
    pagination,
  });
}

/*
 * Opaque cursors (lib/http/keyset.ts) tagged with the list. A cursor of the other list would
 * position the page by the wrong column, so it is refused.
 */
const reviewCursors = keysetCursor({ o: z.enum(MODERATION_STATUSES) });

function decodeModerationCursor(cursor: string, status: ModerationStatus) {
  return reviewCursors.decode(cursor, {
    expected: { o: status },
    mismatch: (found) =>
      badRequest("That page cursor belongs to the other list. Start again from the first page.", {
        cursor: [`This cursor is for status=${found.o}.`],
      }),
  });
}

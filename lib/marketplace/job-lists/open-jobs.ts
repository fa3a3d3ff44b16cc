/**
 * GET /api/jobs: the marketplace's notice board for providers. Every provider business sees the
 * same open jobs, newest first, a keyset page at a time, each with whether the acting business
 * has applied and how many applications are pending. Only marketplace providers may browse
 * (lib/authz requireProvider); a job carries its customer's id and nothing else about them.
 *
 * The page is read from the partial index jobs_open_idx (created_at desc, where status = 'open'),
 * or with a category from jobs_open_category_idx (category, created_at desc, id desc, same
 * predicate): the scan starts at the cursor and stops once the page is full; the id breaks ties in
 * created_at (jobs posted in one transaction share it). Without the category index a rare
 * category walked the whole open index (about 70 ms at 50k open jobs); with it every page is an
 * index range of its own category.
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "@/db/client";
import { jobApplications, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireProvider } from "@/lib/authz/policy";
import { keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { decodeBrowseCursor, encodeBrowseCursor } from "./cursor";
import { DESCRIPTION_PREVIEW_CHARS, openJobsPageDto, type OpenJobsPageDto } from "./dto";
import type { OpenJobsQuery } from "./inputs";
import { iso } from "@/lib/dto";

// Aliases keep every column of the correlated count qualified, so none can bind to the wrong table.
const own = alias(jobApplications, "own_application");
const pending = alias(jobApplications, "pending_application");

export async function listOpenJobs(db: Database, actor: Actor, query: OpenJobsQuery): Promise<OpenJobsPageDto> {
  const { business } = requireProvider(actor);
  const { limit, category } = query;
  const after = query.cursor ? decodeBrowseCursor(query.cursor, "open") : null;
  const rows = await db
    .select({
      id: jobs.id,
      customerId: jobs.customerId,
      title: jobs.title,
      category: jobs.category,
      // One character more than the preview, to know whether there is more (not the whole text).
      description: sql<string>`left(${jobs.description}, ${DESCRIPTION_PREVIEW_CHARS + 1})`,
      budgetMinor: jobs.budgetMinor,
      currency: jobs.currency,
      scheduledFor: jobs.scheduledFor,
      at: microsText(jobs.createdAt),
      applied: sql<boolean>`${own.id} is not null`,
      applicationCount: sql<number>`(
        select count(*) from ${jobApplications} as ${pending}
        where ${pending.jobId} = ${jobs.id} and ${pending.status} = 'pending')::int`,
    })
    .from(jobs)
    // At most one row: one application per business and job (job_applications_job_provider_key).
    .leftJoin(own, and(eq(own.jobId, jobs.id), eq(own.providerBusinessId, business.businessId)))
    .where(
      and(
        eq(jobs.status, "open"),
        category ? eq(jobs.category, category) : undefined,
        olderThan(after, jobs.createdAt, jobs.id),
      ),
    )
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit + 1);

  const { page, pagination } = keysetPage(rows, limit, (last) =>
    encodeBrowseCursor({ l: "open", t: last.at, i: last.id }),
  );
  return openJobsPageDto.parse({
    jobs: page.map((row) => {
      const preview = previewOf(row.description);
      return {
        job_id: row.id,
        customer_id: row.customerId,
        title: row.title,
        category: row.category,
        description: preview.text,
        description_truncated: preview.truncated,
        budget_minor: row.budgetMinor,
        currency: row.currency,
        scheduled_for: iso(row.scheduledFor),
        created_at: iso(row.at),
        applied: row.applied,
        application_count: row.applicationCount,
      };
    }),
    pagination,
  });
}

/**
 * The description cut to the preview length, at the last space when one is near the end (so a
 * word is not chopped), counted in characters rather than UTF-16 units (so no emoji is split).
 */
function previewOf(text: string): { text: string; truncated: boolean } {
  const chars = Array.from(text);
  if (chars.length <= DESCRIPTION_PREVIEW_CHARS) return { text, truncated: false };
  const cut = chars.slice(0, DESCRIPTION_PREVIEW_CHARS).join("");
  const space = cut.search(/\s\S*$/);
  const atWord = space > DESCRIPTION_PREVIEW_CHARS * 0.75 ? cut.slice(0, space) : cut;
  return { text: atWord.trimEnd(), truncated: true };
}

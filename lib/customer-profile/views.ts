/**
 * GET /api/customer/profile/views: who viewed the signed-in customer's profile, newest first, a
 * keyset page at a time. The customer sees the provider business and when, not which of its staff
 * looked (that is recorded, for abuse investigations, but is the business's own affair). Scoped by
 * the customer id lib/authz returns, in the WHERE clause. profile_views_customer_idx
 * (customer_id, viewed_at desc, id desc) serves the page in order from the cursor.
 */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { businesses, profileViews as v } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireCustomer } from "@/lib/authz/policy";
import { keysetPage, microsText, olderThan } from "@/lib/http/keyset";
import { decodeCursor, encodeCursor } from "@/lib/provider-profile/cursor";
import { profileViewsPageDto, type ProfileViewsPageDto } from "./dto";
import type { ViewsQuery } from "./inputs";

export async function listMyProfileViews(db: Database, actor: Actor, query: ViewsQuery): Promise<ProfileViewsPageDto> {
  const { customerId } = requireCustomer(actor);
  const { limit } = query;
  const after = query.cursor ? decodeCursor(query.cursor, "views", false) : null;
  const rows = await db
    .select({
      id: v.id,
      at: microsText(v.viewedAt),
      providerName: businesses.name,
    })
    .from(v)
    .innerJoin(businesses, eq(businesses.id, v.providerBusinessId))
    .where(and(eq(v.customerId, customerId), olderThan(after, v.viewedAt, v.id)))
    .orderBy(desc(v.viewedAt), desc(v.id))
    .limit(limit + 1);

  const { page, pagination } = keysetPage(rows, limit, (last) => encodeCursor({ o: "views", t: last.at, i: last.id }));
  return profileViewsPageDto.parse({
    views: page.map((row) => ({
      view_id: row.id,
      provider_name: row.providerName,
      viewed_at: new Date(row.at).toISOString(),
    })),
    pagination,
  });
}

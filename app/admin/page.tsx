/**
 * /admin: platform administrators' overview, review moderation and the event outbox. Everyone else
 * gets a 403 message.
 */
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/dashboards/admin-overview";
import { getOutboxOverview } from "@/lib/events/admin";
import { listReviewsForModeration } from "@/lib/marketplace/reviews/queries";
import { MODERATION_PAGE_DEFAULT } from "@/lib/marketplace/reviews/inputs";
import { loadForPage } from "@/lib/auth/page";
import { AccessDenied } from "@/components/app/access-denied";
import { OutboxPanel } from "@/components/admin/outbox-panel";
import { ReviewModeration } from "@/components/admin/review-moderation";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Platform admin" };

const LATEST_EVENTS = 20;

export default async function AdminPage() {
  const result = await loadForPage("/admin", async (db, actor) => {
    const [platform, outbox, disputed] = await Promise.all([
      getAdminOverview(db, actor),
      getOutboxOverview(db, actor, { limit: LATEST_EVENTS }),
      listReviewsForModeration(db, actor, { status: "disputed", limit: MODERATION_PAGE_DEFAULT }),
    ]);
    return { platform, outbox, disputed };
  });
  if (!result.ok) return <AccessDenied error={result.error} />;
  const { platform: o, outbox, disputed } = result.data;
  return (
    <>
      <PageHeader title="Platform admin" description="The whole platform at a glance." />
      <div className="space-y-8">
        <StatGrid>
          <Stat label="Accounts" value={o.users} hint={`${o.admins} platform admin${o.admins === 1 ? "" : "s"}`} />
          <Stat label="Businesses" value={o.businesses} hint={`${o.providers} on the marketplace`} />
          <Stat label="Customer profiles" value={o.customers} />
          <Stat label="CRM customer records" value={o.crm_customers} />
        </StatGrid>
        <ReviewModeration initialDisputed={disputed} pageSize={MODERATION_PAGE_DEFAULT} />
        <OutboxPanel overview={outbox} />
      </div>
    </>
  );
}

/** /admin: platform administrators' overview. Everyone else gets a 403 message. */
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/dashboards/admin-overview";
import { loadForPage } from "@/lib/auth/page";
import { AccessDenied } from "@/components/app/access-denied";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Platform admin" };

export default async function AdminPage() {
  const result = await loadForPage("/admin", getAdminOverview);
  if (!result.ok) return <AccessDenied error={result.error} />;
  const o = result.data;
  return (
    <>
      <PageHeader title="Platform admin" description="The whole platform at a glance." />
      <StatGrid>
        <Stat label="Accounts" value={o.users} hint={`${o.admins} platform admin${o.admins === 1 ? "" : "s"}`} />
        <Stat label="Businesses" value={o.businesses} hint={`${o.providers} on the marketplace`} />
        <Stat label="Customer profiles" value={o.customers} />
        <Stat label="CRM customer records" value={o.crmCustomers} />
      </StatGrid>
    </>
  );
}

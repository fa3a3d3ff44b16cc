/**
 * /crm: the acting business's customer records at a glance (how many, the newest), leading to the
 * full directory at /crm/[businessId]/customers and to each record's page.
 */
import type { Metadata } from "next";
import { getCrmHome } from "@/lib/dashboards/crm-home";
import { loadForPage } from "@/lib/auth/page";
import { AccessDenied } from "@/components/app/access-denied";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, plural } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Customers" };

const TYPE_TONE = { walk_in: "neutral", regular: "brand", vip: "accent", wholesale: "warning" } as const;

export default async function CrmHomePage() {
  const result = await loadForPage("/crm", getCrmHome);
  if (!result.ok) return <AccessDenied error={result.error} />;
  const home = result.data;
  const directory = `/crm/${result.actor.business!.businessId}/customers`;
  return (
    <>
      <PageHeader
        title="Customers"
        description={`${home.business_name} · ${plural(home.customer_count, "customer record")}`}
        actions={<ButtonLink href={directory}>Find a customer</ButtonLink>}
      />
      <Card title="Recently added">
        {home.recent_customers.length === 0 ? (
          <EmptyState
            title="No customers yet"
            description="Customer records your team adds, or imports, will be listed here."
            action={
              <ButtonLink href={directory} variant="secondary" size="sm">
                Add your first customer
              </ButtonLink>
            }
          />
        ) : (
          <div className="relative -mx-5 overflow-x-auto sm:-mx-6">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">The {home.recent_customers.length} most recently added customers</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                    Name
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Type
                  </th>
                  <th scope="col" className="px-3 py-2 text-right font-medium">
                    Purchases
                  </th>
                  <th scope="col" className="px-5 py-2 text-right font-medium sm:px-6">
                    Added
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {home.recent_customers.map((c) => (
                  <tr key={c.customer_id}>
                    <td className="px-5 py-3 font-medium text-slate-900 sm:px-6">
                      <Link href={`${directory}/${c.customer_id}`} className="hover:text-brand-700 hover:underline">
                        {c.full_name}
                      </Link>
                    </td>
                    <td className="px-3 py-3 text-slate-600">{c.email ?? "—"}</td>
                    <td className="px-3 py-3">
                      <Badge tone={TYPE_TONE[c.customer_type]}>{c.customer_type.replace("_", "-")}</Badge>
                    </td>
                    <td className="px-3 py-3 text-right tabular-nums text-slate-700">{c.purchase_count}</td>
                    <td className="px-5 py-3 text-right text-slate-500 sm:px-6">{formatDate(c.created_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}

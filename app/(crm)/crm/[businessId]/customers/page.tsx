/**
 * /crm/[businessId]/customers: the business's customer directory. The first page of what the URL
 * asks for (a search ?q=, or the list with its filters and sort) is read on the server through the
 * same data functions as GET /api/customers/{businessId}[/search], so access and order are the
 * API's; the directory then searches as you type and pages on through the API. A filter value the
 * API would refuse is dropped, so a stale shared link still opens.
 */
import type { Metadata } from "next";
import { loadForPage } from "@/lib/auth/page";
import { hasPermission, membershipOf } from "@/lib/authz/policy";
import { createRecordAction } from "@/lib/crm/records/actions";
import { bulkTagAction } from "@/lib/crm/tags/actions";
import { listCustomers } from "@/lib/crm/directory/list";
import { searchCustomers } from "@/lib/crm/directory/search";
import { customerListQuery, customerSearchQuery, DIRECTORY_PAGE_DEFAULT } from "@/lib/crm/directory/inputs";
import { listTags } from "@/lib/crm/tags/queries";
import { AccessDenied } from "@/components/app/access-denied";
import { AddCustomer } from "@/components/crm/add-customer";
import { CustomerDirectory, DEFAULT_VIEW, type DirectoryView } from "@/components/crm/customer-directory";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Customers" };

type Props = {
  params: Promise<{ businessId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The view the URL asks for, each value kept only if the API would take it. */
function viewOf(params: Record<string, string | string[] | undefined>): DirectoryView {
  const shape = customerListQuery.shape;
  const ok = <T,>(parsed: { success: true; data: T } | { success: false }) =>
    parsed.success ? parsed.data : undefined;
  const q = ok(customerSearchQuery.shape.q.safeParse(first(params.q)));
  const repeat = ok(shape.repeat.safeParse(first(params.repeat)));
  return {
    q: q ?? "",
    customer_type: ok(shape.customer_type.safeParse(first(params.customer_type))) ?? null,
    tag: ok(shape.tag.safeParse(first(params.tag))) ?? null,
    tier: ok(shape.tier.safeParse(first(params.tier))) ?? null,
    repeat: repeat === undefined ? null : repeat ? "true" : "false",
    sort: ok(shape.sort.safeParse(first(params.sort))) ?? DEFAULT_VIEW.sort,
  };
}

export default async function CustomersPage({ params, searchParams }: Props) {
  const { businessId } = await params;
  const view = viewOf(await searchParams);
  const limit = DIRECTORY_PAGE_DEFAULT;
  const result = await loadForPage(`/crm/${businessId}/customers`, async (db, actor) => {
    const page = view.q
      ? await searchCustomers(db, actor, businessId, { q: view.q, limit })
      : await listCustomers(db, actor, businessId, {
          customer_type: view.customer_type ?? undefined,
          tag: view.tag ?? undefined,
          tier: view.tier ?? undefined,
          repeat: view.repeat === null ? undefined : view.repeat === "true",
          active: true,
          sort: view.sort,
          limit,
        });
    const tags = await listTags(db, actor, businessId);
    return { page, tags: tags.tags };
  });
  if (!result.ok) return <AccessDenied error={result.error} />;
  const membership = membershipOf(result.actor, businessId)!;
  const canWrite = hasPermission(membership.role, "crm.write");
  const unfiltered = !view.q && !view.customer_type && !view.tag && !view.tier && !view.repeat;
  const empty = unfiltered && result.data.page.customers.length === 0;

  return (
    <>
      <PageHeader
        title="Customers"
        description={`${membership.businessName}: find a customer by name, email or phone, and see what they bought.`}
      />
      <div className="space-y-6">
        {canWrite && (
          <AddCustomer
            businessId={businessId}
            action={createRecordAction}
            // The first customer: the form is open and waiting, and the empty list below says why.
            startOpen={empty}
          />
        )}
        <Card>
          <CustomerDirectory
            businessId={businessId}
            initialView={view}
            initialPage={result.data.page}
            pageSize={limit}
            businessTags={result.data.tags}
            bulkTagAction={canWrite ? bulkTagAction : undefined}
            canCreate={canWrite}
          />
        </Card>
      </div>
    </>
  );
}

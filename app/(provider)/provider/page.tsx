/** /provider: the home of a marketplace provider business. */
import type { Metadata } from "next";
import Link from "next/link";
import { getProviderHome } from "@/lib/dashboards/provider-home";
import { loadForPage } from "@/lib/auth/page";
import { AccessDenied } from "@/components/app/access-denied";
import { CustomerLink } from "@/components/provider-jobs/job-item";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Provider dashboard" };

export default async function ProviderHomePage() {
  const result = await loadForPage("/provider", getProviderHome);
  if (!result.ok) return <AccessDenied error={result.error} />;
  const home = result.data;
  return (
    <>
      <PageHeader
        title="Provider dashboard"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-medium text-slate-800">{home.business_name}</span>
            <Badge tone="brand">{home.role}</Badge>
          </span>
        }
      />
      <div className="space-y-6">
        <StatGrid>
          <Stat label="Open jobs on the marketplace" value={home.counts.open_jobs} />
          <Stat label="Your applications" value={home.counts.applications} />
          <Stat label="Bookings" value={home.counts.bookings} />
          <Stat label="Team members" value={home.counts.staff} />
        </StatGrid>
        <Card
          title="Newest open jobs"
          description="Jobs customers have posted that are still looking for a provider."
          actions={
            <ButtonLink href="/provider/jobs" variant="secondary" size="sm">
              Browse all open jobs
            </ButtonLink>
          }
        >
          {home.latest_open_jobs.length === 0 ? (
            <EmptyState
              title="No open jobs right now"
              description="New jobs appear here as soon as customers post them."
              action={
                <ButtonLink href="/provider/jobs?view=mine" variant="secondary" size="sm">
                  See your jobs
                </ButtonLink>
              }
            />
          ) : (
            <ul className="divide-y divide-slate-100">
              {home.latest_open_jobs.map((job) => (
                <li key={job.job_id} className="flex items-center justify-between gap-4 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="truncate font-medium text-slate-900">
                      <Link href={`/jobs/${job.job_id}`} className="rounded hover:text-brand-700 hover:underline">
                        {job.title}
                      </Link>
                    </p>
                    <p className="text-slate-500">
                      Posted {formatDate(job.created_at)} ·{" "}
                      <CustomerLink customerId={job.customer_id} srSuffix={`who posted ${job.title}`} />
                    </p>
                  </div>
                  <Badge tone="accent">{job.category}</Badge>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

/**
 * /me/jobs: every job the customer posted, newest first, filtered by status from the URL
 * (?status=open), each linking to its job page. The first page is read here through the same
 * data function as GET /api/customer/jobs; "Load more" fetches the rest from that route.
 */
import type { Metadata } from "next";
import { loadForPage } from "@/lib/auth/page";
import { JOBS_PAGE_DEFAULT, customerJobsQuery } from "@/lib/marketplace/job-lists/inputs";
import { listMyJobs } from "@/lib/marketplace/job-lists/customer-jobs";
import { AccessDenied } from "@/components/app/access-denied";
import { BackLink } from "@/components/app/back-link";
import { MyJobsList } from "@/components/customer/my-jobs-list";
import { StatusFilter } from "@/components/customer/status-filter";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Your jobs" };

type Props = { searchParams: Promise<{ status?: string | string[] }> };

export default async function MyJobsPage({ searchParams }: Props) {
  // An unknown status in a hand-edited URL shows every job rather than an error.
  const parsed = customerJobsQuery.shape.status.safeParse((await searchParams).status);
  const status = parsed.success ? parsed.data : undefined;
  const path = status ? `/me/jobs?status=${status}` : "/me/jobs";
  const result = await loadForPage(path, (db, actor) => listMyJobs(db, actor, { status, limit: JOBS_PAGE_DEFAULT }));
  if (!result.ok) return <AccessDenied error={result.error} />;

  return (
    <div className="space-y-6">
      <BackLink href="/me">Your profile</BackLink>
      <PageHeader
        title="Your jobs"
        description="Open a job to answer applications, message providers and mark it done."
        actions={<ButtonLink href="/me/jobs/new">Post a job</ButtonLink>}
      />
      <StatusFilter current={status} />
      <Card>
        <MyJobsList key={status ?? "all"} status={status} initialPage={result.data} pageSize={JOBS_PAGE_DEFAULT} />
      </Card>
    </div>
  );
}

/**
 * /provider/jobs: a provider's two job lists, switched by ?view=: the open jobs on the marketplace
 * (?category= filters them) and the business's own jobs (?stage= filters them). The first page is
 * read on the server through the same data functions as GET /api/jobs and GET /api/provider/jobs,
 * so access, scope and order are exactly the API's; the lists then page on through the API. A
 * filter value the API would refuse is dropped with a note, so a stale shared link still opens.
 */
import type { Metadata } from "next";
import type { z } from "zod";
import { loadForPage } from "@/lib/auth/page";
import {
  JOBS_PAGE_DEFAULT,
  openJobsQuery,
  PROVIDER_JOB_STAGES,
  providerJobsQuery,
} from "@/lib/marketplace/job-lists/inputs";
import { listOpenJobs } from "@/lib/marketplace/job-lists/open-jobs";
import { listProviderJobs } from "@/lib/marketplace/job-lists/provider-jobs";
import { AccessDenied } from "@/components/app/access-denied";
import { CategoryFilter } from "@/components/provider-jobs/category-filter";
import { JobsViewTabs, type JobsView } from "@/components/provider-jobs/jobs-nav";
import { MyJobsList } from "@/components/provider-jobs/my-jobs-list";
import { OpenJobsList } from "@/components/provider-jobs/open-jobs-list";
import { STAGE_LABELS } from "@/components/provider-jobs/provider-job-card";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { FilterLinks } from "@/components/ui/filter-links";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Jobs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;

/** The filter as the API reads it, or null when it is absent or one the API would refuse. */
function known<T>(filter: z.ZodType<T | undefined>, value: string | undefined): T | null {
  const parsed = filter.safeParse(value);
  return parsed.success ? (parsed.data ?? null) : null;
}

export default async function ProviderJobsPage({ searchParams }: Props) {
  const params = await searchParams;
  const view: JobsView = first(params.view) === "mine" ? "mine" : "open";
  const rawFilter = first(view === "open" ? params.category : params.stage);
  const category = view === "open" ? known(openJobsQuery.shape.category, rawFilter) : null;
  const stage = view === "mine" ? known(providerJobsQuery.shape.stage, rawFilter) : null;
  const unknownFilter = rawFilter !== undefined && category === null && stage === null ? rawFilter : null;

  const path = `/provider/jobs?${new URLSearchParams({ view, ...(rawFilter && { [view === "open" ? "category" : "stage"]: rawFilter }) })}`;
  const limit = JOBS_PAGE_DEFAULT;
  const result = await loadForPage(path, async (db, actor) =>
    view === "open"
      ? { view, page: await listOpenJobs(db, actor, { limit, category: category ?? undefined }) }
      : { view, page: await listProviderJobs(db, actor, { limit, stage: stage ?? undefined }) },
  );
  if (!result.ok) return <AccessDenied error={result.error} />;
  const businessId = result.actor.business?.businessId;
  // A server component renders once per request: "now" is that request's time, the lists' reference.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Find work on the marketplace, and keep track of the jobs you have applied to."
      />
      <JobsViewTabs current={view} />
      {unknownFilter && (
        <Alert tone="info" className="mb-4">
          {view === "open"
            ? `There is no category called “${unknownFilter}”, so all open jobs are shown.`
            : `“${unknownFilter}” is not a stage, so all your jobs are shown.`}
        </Alert>
      )}
      {result.data.view === "open" ? (
        <Card
          title="Open jobs"
          description="Jobs customers have posted that are still looking for a provider, newest first."
          actions={<CategoryFilter current={category} />}
        >
          <OpenJobsList
            key={category ?? ""}
            category={category}
            initialPage={result.data.page}
            businessId={businessId}
            pageSize={limit}
            now={now}
          />
        </Card>
      ) : (
        <Card title="Your applications" description="Every job your business has applied to, newest application first.">
          <div className="mb-4">
            <FilterLinks
              label="Filter your jobs by stage"
              options={[null, ...PROVIDER_JOB_STAGES].map((option) => ({
                href: `/provider/jobs?view=mine${option ? `&stage=${option}` : ""}`,
                label: option ? STAGE_LABELS[option] : "All",
                current: option === stage,
              }))}
            />
          </div>
          <MyJobsList
            key={stage ?? ""}
            stage={stage}
            initialPage={result.data.page}
            businessId={businessId}
            pageSize={limit}
            now={now}
          />
        </Card>
      )}
    </>
  );
}

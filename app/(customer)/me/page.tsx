/**
 * /me: the customer's own home: their profile at a glance, their recent jobs (each linking to its
 * job page), who among providers may see the profile (changeable here), their job record as
 * providers see it (and the cancellations that do not count) and who has looked.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { loadForPage } from "@/lib/auth/page";
import { getCustomerHome } from "@/lib/dashboards/customer-home";
import { listMyJobs } from "@/lib/marketplace/job-lists/customer-jobs";
import { listMyProfileViews } from "@/lib/customer-profile/views";
import { AccessDenied } from "@/components/app/access-denied";
import { JobRecord } from "@/components/customer/job-record";
import { JobRow } from "@/components/customer/job-row";
import { ProfileViewsList } from "@/components/customer/profile-views-list";
import { VisibilityForm } from "@/components/customer/visibility-form";
import { visibilityOption } from "@/components/customer/visibility-options";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Your profile" };

const RECENT_JOBS = 5;
const VIEWS_PAGE = 10;

export default async function CustomerHomePage() {
  const result = await loadForPage("/me", async (db, actor) => {
    const [home, recentJobs, views] = await Promise.all([
      getCustomerHome(db, actor),
      listMyJobs(db, actor, { limit: RECENT_JOBS }),
      listMyProfileViews(db, actor, { limit: VIEWS_PAGE }),
    ]);
    return { home, recentJobs, views };
  });
  if (!result.ok) return <AccessDenied error={result.error} />;
  const { home, recentJobs, views } = result.data;
  const visibility = visibilityOption(home.provider_visibility);

  return (
    <>
      <PageHeader
        title="Your profile"
        description={`Hello, ${home.first_name}. Member since ${formatDate(home.member_since)}.`}
        actions={<ButtonLink href="/me/jobs/new">Post a job</ButtonLink>}
      />
      {/*
        On a phone the page reads: figures, recent jobs (with the next step), then the profile and
        who may see it. On a wide screen the profile is the left column, as before. Grid placement
        moves the columns; the reading order stays the phone's.
      */}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2 lg:col-start-2 lg:row-start-1">
          <StatGrid>
            <Stat label="Jobs posted" value={home.counts.jobs_posted} hint={`${home.counts.open_jobs} open`} />
            <Stat label="Orders" value={home.counts.orders} />
            <Stat label="Reviews received" value={home.counts.reviews_received} />
            <Stat label="Profile views" value={home.counts.profile_views} hint="By providers" />
          </StatGrid>
          <Card
            title="Recent jobs"
            actions={
              <Link href="/me/jobs" className="rounded text-sm font-medium text-brand-700 hover:text-brand-800">
                All jobs
              </Link>
            }
          >
            {recentJobs.jobs.length === 0 ? (
              <EmptyState
                title="No jobs yet"
                description="Describe the work you need done, and providers on the marketplace can apply. Your jobs, their bookings and reviews will show up here."
                action={<ButtonLink href="/me/jobs/new">Post a job</ButtonLink>}
              />
            ) : (
              <ul aria-label="Recent jobs" className="divide-y divide-slate-100">
                {recentJobs.jobs.map((job) => (
                  <JobRow key={job.job_id} job={job} />
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div className="space-y-6 lg:col-start-1 lg:row-span-2 lg:row-start-1 lg:self-start">
          <Card title="Profile">
            <dl className="space-y-4 text-sm">
              <div>
                <dt className="text-slate-500">Name</dt>
                <dd className="font-medium text-slate-900">
                  {home.first_name} {home.last_name}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Shown to providers as</dt>
                <dd className="font-medium text-slate-900">{home.public_name}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Profile handle</dt>
                <dd className="font-mono text-slate-900">@{home.handle}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Provider visibility</dt>
                <dd className="mt-1">
                  <Badge tone={visibility.tone}>{visibility.label}</Badge>
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Achievements and goals visible to</dt>
                <dd className="font-medium capitalize text-slate-900">{home.social_visibility}</dd>
              </div>
            </dl>
          </Card>
          <Card
            title="Who can see your profile"
            description="Providers see your public name, ratings and reviews; never your contact details."
          >
            <VisibilityForm current={home.provider_visibility} />
          </Card>
          <JobRecord record={home.job_record} />
        </div>
        <div className="min-w-0 lg:col-span-2 lg:col-start-2">
          <Card
            title="Who viewed your profile"
            description="Provider businesses that looked at your profile, newest first."
          >
            <ProfileViewsList initialPage={views} pageSize={VIEWS_PAGE} />
          </Card>
        </div>
      </div>
    </>
  );
}

/** /me: the customer's own home, their profile at a glance and what they have done so far. */
import type { Metadata } from "next";
import { getCustomerHome, type CustomerHome } from "@/lib/dashboards/customer-home";
import { loadForPage } from "@/lib/auth/page";
import { publicDisplayName } from "@/lib/provider-profile/figures";
import { AccessDenied } from "@/components/app/access-denied";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { Stat, StatGrid } from "@/components/ui/stat";

export const metadata: Metadata = { title: "Your profile" };

const VISIBILITY: Record<CustomerHome["providerVisibility"], { label: string; body: string; tone: BadgeTone }> = {
  public: { label: "Public", body: "Every provider on the marketplace can see your public profile.", tone: "success" },
  restricted: { label: "Restricted", body: "Only providers you have worked with can see your public profile.", tone: "warning" },
  private: { label: "Private", body: "No provider can see your profile.", tone: "neutral" },
};

const JOB_TONE = { open: "brand", booked: "accent", completed: "success", cancelled: "neutral" } as const;

export default async function CustomerHomePage() {
  const result = await loadForPage("/me", getCustomerHome);
  if (!result.ok) return <AccessDenied error={result.error} />;
  const home = result.data;
  // Exactly the name providers are shown (the profile API computes it the same way).
  const publicName = publicDisplayName(home.displayName, home.firstName, home.lastName);
  const visibility = VISIBILITY[home.providerVisibility];

  return (
    <>
      <PageHeader
        title="Your profile"
        description={`Hello, ${home.firstName}. Member since ${formatDate(home.memberSince)}.`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Profile" className="lg:col-span-1">
          <dl className="space-y-4 text-sm">
            <div>
              <dt className="text-slate-500">Name</dt>
              <dd className="font-medium text-slate-900">
                {home.firstName} {home.lastName}
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Shown to providers as</dt>
              <dd className="font-medium text-slate-900">{publicName}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Profile handle</dt>
              <dd className="font-mono text-slate-900">@{home.handle}</dd>
            </div>
            <div>
              <dt className="text-slate-500">Provider visibility</dt>
              <dd className="mt-1 space-y-1">
                <Badge tone={visibility.tone}>{visibility.label}</Badge>
                <p className="text-slate-600">{visibility.body}</p>
              </dd>
            </div>
            <div>
              <dt className="text-slate-500">Achievements and goals visible to</dt>
              <dd className="font-medium capitalize text-slate-900">{home.socialVisibility}</dd>
            </div>
          </dl>
        </Card>

        <div className="space-y-6 lg:col-span-2">
          <StatGrid>
            <Stat label="Jobs posted" value={home.counts.jobs} hint={`${home.counts.openJobs} open`} />
            <Stat label="Orders" value={home.counts.orders} />
            <Stat label="Reviews received" value={home.counts.reviews} />
            <Stat label="Profile views" value={home.counts.profileViews} hint="By providers" />
          </StatGrid>
          <Card title="Recent jobs">
            {home.recentJobs.length === 0 ? (
              <EmptyState
                title="No jobs yet"
                description="Jobs you post on the marketplace, and their bookings and reviews, will show up here."
              />
            ) : (
              <ul className="divide-y divide-slate-100">
                {home.recentJobs.map((job) => (
                  <li key={job.id} className="flex items-center justify-between gap-4 py-3 text-sm">
                    <div className="min-w-0">
                      <p className="truncate font-medium text-slate-900">{job.title}</p>
                      <p className="text-slate-500">
                        {job.category} · {formatDate(job.createdAt)}
                      </p>
                    </div>
                    <Badge tone={JOB_TONE[job.status]}>{job.status}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

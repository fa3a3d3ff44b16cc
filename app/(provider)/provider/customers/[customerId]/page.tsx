/**
 * /provider/customers/[customerId]: a customer's profile as the provider business the viewer acts
 * for may see it. The page reads through the same data functions as the JSON API
 * (getProviderProfile, readReviewsPage), so the customer's visibility choice, the view record
 * (written by getProviderProfile in the statement that reads the figures) and the refusal reasons
 * are exactly the API's; like the API it charges the profileView rate limit (in the profile's
 * statement), once per page view.
 * A refusal renders as a kind explanation instead of an error screen.
 */
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { Database } from "@/db/client";
import type { UserActor } from "@/lib/auth/actor";
import { loadForPage, requirePageActor } from "@/lib/auth/page";
import { badRequest } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { customerParams, REVIEWS_PAGE_DEFAULT } from "@/lib/provider-profile/inputs";
import { getProviderProfile } from "@/lib/provider-profile/profile";
import { readReviewsPage } from "@/lib/provider-profile/reviews";
import { BackLink } from "@/components/app/back-link";
import { JobCategories } from "@/components/provider-profile/job-categories";
import { ProfileHeader } from "@/components/provider-profile/profile-header";
import { ProfileStats } from "@/components/provider-profile/profile-stats";
import { ProfileUnavailable } from "@/components/provider-profile/profile-unavailable";
import { RatingHistogram } from "@/components/provider-profile/rating-histogram";
import { ReviewsList } from "@/components/provider-profile/reviews-list";

export const metadata: Metadata = { title: "Customer profile" };

type Props = { params: Promise<{ customerId: string }> };

export default async function ProviderCustomerProfilePage({ params }: Props) {
  const { customerId: raw } = await params;
  const path = `/provider/customers/${raw}`;
  const parsed = customerParams.safeParse({ customerId: raw });
  if (!parsed.success) {
    await requirePageActor(path);
    return <ProfileUnavailable error={badRequest("That link does not point to a customer.")} />;
  }
  const { customerId } = parsed.data;
  const ip = clientIp(await headers());
  const result = await loadForPage(path, async (db: Database, actor: UserActor) => {
    // The profile first: it is the rate limit, the access decision and records the view; the first
    // page of reviews (with the reviewing providers' names) is read only once it has been allowed.
    const profile = await getProviderProfile(db, actor, customerId, ip);
    const firstReviews = await readReviewsPage(db, customerId, { sort: "recent", limit: REVIEWS_PAGE_DEFAULT });
    return { profile, firstReviews };
  });
  if (!result.ok) return <ProfileUnavailable error={result.error} />;
  const { profile, firstReviews } = result.data;

  return (
    <div className="space-y-6">
      <BackLink href="/provider">Provider dashboard</BackLink>
      <ProfileHeader customer={profile.customer} badges={profile.badges} />
      <ProfileStats stats={profile.stats} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        {/* First in reading order (and on a phone), beside the reviews on a wide screen. */}
        <div className="space-y-6 lg:col-start-3 lg:row-start-1 lg:self-start">
          <RatingHistogram histogram={profile.rating_histogram} reviewCount={profile.stats.review_count} />
          <JobCategories categories={profile.job_categories} />
        </div>
        <div className="min-w-0 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          <ReviewsList
            customerId={customerId}
            initialPage={firstReviews}
            total={profile.stats.review_count}
            businessId={result.actor.business?.businessId}
            pageSize={REVIEWS_PAGE_DEFAULT}
          />
        </div>
      </div>
    </div>
  );
}

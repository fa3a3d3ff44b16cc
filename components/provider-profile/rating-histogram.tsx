/** How the customer's visible reviews spread over 5 to 1 stars. */
import type { ProviderProfileDto } from "@/lib/provider-profile/dto";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { BarList } from "./bar-list";

export function RatingHistogram({
  histogram,
  reviewCount,
}: {
  histogram: ProviderProfileDto["rating_histogram"];
  reviewCount: number;
}) {
  const bars = [...histogram]
    .sort((a, b) => b.rating - a.rating)
    .map(({ rating, count }) => {
      const share = reviewCount === 0 ? 0 : Math.round((count / reviewCount) * 100);
      return {
        key: rating,
        label: (
          <span className="inline-flex items-center gap-1">
            {rating}
            <svg viewBox="0 0 20 20" className="size-3.5 text-amber-400" fill="currentColor">
              <path d="M10 1.6l2.47 5.27 5.73.7-4.22 3.95 1.1 5.68L10 14.38 4.92 17.2l1.1-5.68L1.8 7.57l5.73-.7L10 1.6z" />
            </svg>
          </span>
        ),
        value: count,
        valueText: `${count} · ${share}%`,
        srLabel: `${plural(rating, "star")}: ${plural(count, "review")}, ${share}%`,
      };
    });
  return (
    <Card
      title="Ratings"
      description={reviewCount === 0 ? undefined : `From ${plural(reviewCount, "review")} by providers.`}
    >
      {reviewCount === 0 ? (
        <EmptyState title="No ratings yet" description="Ratings appear here once providers review completed jobs." />
      ) : (
        <BarList label="Ratings breakdown" bars={bars} max={reviewCount} barClassName="bg-amber-400" labelWidth="w-8" />
      )}
    </Card>
  );
}

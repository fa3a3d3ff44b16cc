/** One review of the job as both sides see it: stars, comment, date, and whether it is hidden or disputed. */
import type { ReactNode } from "react";
import type { JobReviewDto } from "@/lib/marketplace/jobs/dto";
import { Stars } from "@/components/provider-profile/stars";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format";

export function ReviewView({
  review,
  author,
  children,
}: {
  review: JobReviewDto;
  author: string;
  children?: ReactNode;
}) {
  return (
    <article aria-label={`Review by ${author}`} className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars rating={review.rating} size="md" />
        <span className="text-sm text-slate-600">
          by {author}, <time dateTime={review.created_at}>{formatDate(review.created_at)}</time>
        </span>
        {!review.is_visible && <Badge tone="warning">Hidden by a moderator</Badge>}
      </div>
      {review.comment ? (
        <p className="whitespace-pre-line break-words text-sm text-slate-800">{review.comment}</p>
      ) : (
        <p className="text-sm italic text-slate-500">No comment.</p>
      )}
      {review.disputed_at && (
        <p className="text-sm font-medium text-slate-700">
          Disputed on <time dateTime={review.disputed_at}>{formatDate(review.disputed_at)}</time>.{" "}
          {decidedAfterDispute(review) ? (
            <>
              A moderator decided on <time dateTime={review.moderated_at!}>{formatDate(review.moderated_at!)}</time>
              {review.is_visible ? " to keep it." : " to hide it."}
            </>
          ) : (
            "A moderator will look at it."
          )}
        </p>
      )}
      {children}
    </article>
  );
}

/** A decision taken before the dispute (a review hidden before anyone disputed it) does not answer it. */
function decidedAfterDispute(review: JobReviewDto): boolean {
  return review.moderated_at !== null && review.disputed_at !== null && review.moderated_at >= review.disputed_at;
}

"use client";
/**
 * One review in a moderation list: its stars and words, the job, who wrote it about whom (the
 * customer by their public name only, and as text: an administrator does not act as a provider),
 * the customer's dispute, and the decisions an administrator can take through the server action.
 * In the disputed queue a review can be kept as it is or have its visibility flipped (either
 * decides the dispute, and the review leaves the queue); under Hidden it can be shown again. The
 * buttons stay busy until the lists have refetched, so they never offer the state just left.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { setReviewVisibilityAction } from "@/lib/marketplace/reviews/actions";
import type { ReviewVisibilityDto } from "@/lib/marketplace/reviews/dto";
import type { ModerationReviewDto } from "@/lib/marketplace/reviews/dto";
import type { ModerationStatus } from "@/lib/marketplace/reviews/inputs";
import { Stars } from "@/components/provider-profile/stars";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDate } from "@/components/ui/format";
import { REVIEW_MODERATION_KEY } from "./review-moderation-query";

/** Says what the last decision did, above the lists (null: clear it). */
export type Announce = (text: string | null) => void;

type Decision = { label: string; isVisible: boolean; variant: "secondary" | "danger" };

/** The buttons a row offers: keeping the review as it is comes first, flipping it second. */
function decisionsFor(status: ModerationStatus, isVisible: boolean): Decision[] {
  if (status === "hidden") return [{ label: "Show review", isVisible: true, variant: "secondary" }];
  return isVisible
    ? [
        { label: "Keep review", isVisible: true, variant: "secondary" },
        { label: "Hide review", isVisible: false, variant: "danger" },
      ]
    : [
        { label: "Keep hidden", isVisible: false, variant: "secondary" },
        { label: "Show review", isVisible: true, variant: "secondary" },
      ];
}

/** What happened, named from the server's answer (another administrator may have acted first). */
function outcome(result: ReviewVisibilityDto, status: ModerationStatus, name: string): string {
  const queue = status === "disputed" ? " The dispute has left the queue." : "";
  if (!result.is_visible) {
    return result.changed
      ? `Review hidden. It no longer counts towards ${name}'s rating, and you'll find it under Hidden.${queue}`
      : `Review kept hidden.${queue}`;
  }
  return result.changed
    ? `Review shown again. It counts towards ${name}'s rating once more.${queue}`
    : `Review kept. It still counts towards ${name}'s rating.${queue}`;
}

type Props = {
  review: ModerationReviewDto;
  /** The list the review is shown in: it decides the buttons. */
  status: ModerationStatus;
  ref: (el: HTMLLIElement | null) => void;
  onAnnounce: Announce;
  /** Called when a decision has been recorded, before the lists refetch (the row is about to leave). */
  onDecided: () => void;
};

export function ReviewModerationItem({ review, status, ref, onAnnounce, onDecided }: Props) {
  const queryClient = useQueryClient();
  const summaryId = useId();
  const decide = useMutation({
    mutationFn: async (isVisible: boolean) => {
      const result = await setReviewVisibilityAction(null, { reviewId: review.review_id, is_visible: isVisible });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onMutate: () => onAnnounce(null),
    onSuccess: async (data) => {
      onDecided();
      onAnnounce(outcome(data, status, review.customer_display_name));
      await queryClient.invalidateQueries({ queryKey: REVIEW_MODERATION_KEY });
    },
  });

  return (
    <li ref={ref} tabIndex={-1} className="py-4 first:pt-0 focus-visible:rounded-lg">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <Stars rating={review.rating} />
            {!review.is_visible && <Badge tone="danger">Hidden</Badge>}
          </div>
          <p id={summaryId} className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <span className="font-medium text-slate-900">{review.job_title}</span>
            <Badge>{review.job_category}</Badge>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {decisionsFor(status, review.is_visible).map((decision) => (
            <Button
              key={decision.label}
              size="sm"
              variant={decision.variant}
              disabled={decide.isPending}
              pending={decide.isPending && decide.variables === decision.isVisible}
              aria-describedby={summaryId}
              onClick={() => decide.mutate(decision.isVisible)}
            >
              {decision.label}
            </Button>
          ))}
        </div>
      </div>

      {review.comment ? (
        <p className="mt-2 text-sm leading-relaxed break-words text-slate-800">{review.comment}</p>
      ) : (
        <p className="mt-2 text-sm text-slate-500 italic">No comment left.</p>
      )}

      <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-xs text-slate-600 sm:grid-cols-3">
        <div className="flex gap-1">
          <dt>Provider:</dt>
          <dd className="font-medium break-words text-slate-800">{review.provider_name}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Customer:</dt>
          <dd className="font-medium break-words text-slate-800">{review.customer_display_name}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Reviewed:</dt>
          <dd>
            <time dateTime={review.created_at}>{formatDate(review.created_at)}</time>
          </dd>
        </div>
        {review.moderated_at && (
          <div className="flex gap-1">
            <dt>Last decision:</dt>
            <dd>
              <time dateTime={review.moderated_at}>{formatDate(review.moderated_at)}</time>
            </dd>
          </div>
        )}
      </dl>

      {review.disputed_at && (
        <div className="mt-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <p className="text-xs font-medium">
            Disputed by the customer on <time dateTime={review.disputed_at}>{formatDate(review.disputed_at)}</time>
          </p>
          {review.dispute_reason && <p className="mt-1 break-words">“{review.dispute_reason}”</p>}
        </div>
      )}

      {decide.isError && <Alert className="mt-3">{decide.error.message}</Alert>}
    </li>
  );
}

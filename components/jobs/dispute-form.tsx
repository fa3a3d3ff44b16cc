"use client";
/**
 * The customer disputes a review of their job: a "Dispute" button opens a short form asking why;
 * the reason goes to the moderators. Once sent, the page shows the date it was disputed instead.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import { disputeReviewAction } from "@/lib/marketplace/jobs/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

export function DisputeForm({ jobId, reviewId }: { jobId: string; reviewId: string }) {
  const [state, formAction, pending] = useActionState(disputeReviewAction, null);
  const [open, setOpen] = useState(false);
  // Held here rather than in the textarea, so a reason survives closing the form with "Never mind" and
  // reopening it, and React's form reset after a refused submit.
  const [reason, setReason] = useState("");
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const error = state && !state.ok ? state.error : null;
  const errors = error?.fieldErrors ?? {};

  useEffect(() => {
    if (open) reasonRef.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Dispute
      </Button>
    );
  }
  return (
    <form action={formAction} className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3">
      <input type="hidden" name="jobId" value={jobId} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <Field
        name="reason"
        id={`dispute-${reviewId}`}
        label="What is wrong with this review?"
        error={errors.reason}
        hint="A moderator reads this and may hide the review. You can dispute a review once."
      >
        {(control) => (
          <Textarea
            {...control}
            ref={reasonRef}
            rows={3}
            required
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <Alert>{error && !errors.reason && error.message}</Alert>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending}>
          Send dispute
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)} disabled={pending}>
          Never mind
        </Button>
      </div>
    </form>
  );
}

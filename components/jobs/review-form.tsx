"use client";
/** The booked provider reviews the customer once the job is completed: a star rating and a comment. */
import { useActionState, useState } from "react";
import { reviewCustomerAction } from "@/lib/marketplace/jobs/actions";
import { submitKeepingInput } from "@/components/app/submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { StarRatingInput } from "./star-rating-input";

export function ReviewForm({ jobId }: { jobId: string }) {
  const [state, formAction, pending] = useActionState(reviewCustomerAction, null);
  const [rating, setRating] = useState<number | null>(null);
  const error = state && !state.ok ? state.error : null;
  const errors = error?.fieldErrors ?? {};

  return (
    <form action={formAction} onSubmit={submitKeepingInput(formAction)} className="space-y-4">
      <input type="hidden" name="jobId" value={jobId} />
      <StarRatingInput
        name="rating"
        legend="How was working with this customer?"
        value={rating}
        onChange={setRating}
        error={errors.rating}
      />
      <Field
        name="comment"
        label="Comment (optional)"
        error={errors.comment}
        hint="Other providers see your review on the customer's profile. Keep it about this job."
      >
        {(control) => <Textarea {...control} maxLength={2000} />}
      </Field>
      <Alert>{error && !(errors.rating || errors.comment) && error.message}</Alert>
      <Button type="submit" pending={pending}>
        Send review
      </Button>
    </form>
  );
}

"use client";
/** A provider applies to an open job with a short message to the customer. */
import { useActionState } from "react";
import { applyAction } from "@/lib/marketplace/jobs/actions";
import { submitKeepingInput } from "@/components/app/submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";

export function ApplyForm({ jobId }: { jobId: string }) {
  const [state, formAction, pending] = useActionState(applyAction, null);
  const error = state && !state.ok ? state.error : null;
  const errors = error?.fieldErrors ?? {};

  return (
    <form action={formAction} onSubmit={submitKeepingInput(formAction)} className="space-y-4">
      <input type="hidden" name="jobId" value={jobId} />
      <Field
        name="message"
        label="Message to the customer"
        error={errors.message}
        hint="Say why you are a good fit: experience, availability, anything they should know. A business can apply once."
      >
        {(control) => <Textarea {...control} required maxLength={2000} />}
      </Field>
      <Alert>
        {error?.reason === "already_applied"
          ? "Your business has already applied to this job (perhaps a colleague did, or the application was withdrawn). A business can apply to a job only once."
          : error && !errors.message && error.message}
      </Alert>
      <Button type="submit" pending={pending}>
        Send application
      </Button>
    </form>
  );
}

"use client";
/**
 * "Who can see your profile": the customer picks public, restricted or private. Native radios in a
 * fieldset, so arrow keys move between the choices; the new setting applies to the next profile
 * view a provider makes, and the message says so.
 */
import { useActionState } from "react";
import { setProviderVisibilityAction } from "@/lib/customer-profile/actions";
import type { ProviderVisibility } from "@/db/schema";
import { submitKeepingInput } from "@/components/app/submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { visibilityOption, VISIBILITY_OPTIONS } from "./visibility-options";

export function VisibilityForm({ current }: { current: ProviderVisibility }) {
  const [state, formAction, pending] = useActionState(setProviderVisibilityAction, null);
  const error = state && !state.ok ? state.error : null;

  return (
    <form action={formAction} onSubmit={submitKeepingInput(formAction)} className="space-y-4">
      <fieldset
        className="space-y-2"
        aria-describedby={error?.fieldErrors?.visibility ? "visibility-error" : undefined}
      >
        <legend className="sr-only">Who can see your profile</legend>
        {VISIBILITY_OPTIONS.map((option) => (
          <label
            key={option.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-slate-200 p-3 hover:bg-slate-50 has-[:checked]:border-brand-500 has-[:checked]:bg-brand-50/50 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500"
          >
            <input
              type="radio"
              name="visibility"
              value={option.value}
              defaultChecked={option.value === current}
              aria-labelledby={`visibility-${option.value}-label`}
              aria-describedby={`visibility-${option.value}-body`}
              className="mt-0.5 size-4 shrink-0 accent-brand-600 focus:outline-none"
            />
            <span className="text-sm">
              <span id={`visibility-${option.value}-label`} className="block font-medium text-slate-900">
                {option.label}
              </span>
              <span id={`visibility-${option.value}-body`} className="block text-slate-600">
                {option.body}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {error?.fieldErrors?.visibility && (
        <p id="visibility-error" className="text-sm text-red-700">
          {error.fieldErrors.visibility.join(" ")}
        </p>
      )}
      <Button type="submit" pending={pending}>
        Save
      </Button>
      <Alert tone={state?.ok ? "success" : "error"}>
        {error && !error.fieldErrors && error.message}
        {state?.ok &&
          (state.data.changed
            ? `Saved: your profile is now ${visibilityOption(state.data.visibility).label.toLowerCase()}. This applies from the next time a provider looks.`
            : `No change: your profile was already ${visibilityOption(state.data.visibility).label.toLowerCase()}.`)}
      </Alert>
    </form>
  );
}

"use client";
/** Change the password: the current one, then the new one; errors sit under their fields. */
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/inputs";
import { useActionState, useEffect, useRef } from "react";
import { changePasswordAction } from "@/lib/account-security/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { plural } from "@/components/ui/format";

export function ChangePasswordForm() {
  const [state, formAction, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);

  return (
    <form ref={form} action={formAction} className="max-w-md space-y-4" aria-label="Change password">
      <Field name="current_password" label="Current password" error={errors.current_password}>
        {(control) => <Input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <Field
        name="new_password"
        label="New password"
        hint={`At least ${PASSWORD_MIN} characters. Every other session is signed out.`}
        error={errors.new_password}
      >
        {(control) => (
          <Input
            {...control}
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN}
            maxLength={PASSWORD_MAX}
          />
        )}
      </Field>
      <Button type="submit" pending={pending}>
        Change password
      </Button>
      <Alert tone={state?.ok ? "success" : "error"}>
        {state && !state.ok && !state.error.fieldErrors && state.error.message}
        {state?.ok &&
          `Password changed. ${plural(state.data.ended_sessions, "other session")} signed out; you stay signed in here.`}
      </Alert>
    </form>
  );
}

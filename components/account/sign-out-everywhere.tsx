"use client";
/** "Sign out everywhere": ends every session of the account, this one included. */
import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/account-security/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function SignOutEverywhere() {
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <Button type="submit" variant="danger" pending={pending}>
        Sign out everywhere
      </Button>
      <Alert>{state && !state.ok && state.error.message}</Alert>
    </form>
  );
}

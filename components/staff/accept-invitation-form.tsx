"use client";
/** The invitation page's one button; a refusal (wrong account, used, expired) is announced. */
import { useActionState } from "react";
import { acceptInvitationAction } from "@/lib/staff/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function AcceptInvitationForm({ token, businessName }: { token: string; businessName: string }) {
  const [state, formAction, pending] = useActionState(acceptInvitationAction, null);
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Alert>{state && !state.ok ? state.error.message : null}</Alert>
      <Button type="submit" className="w-full" pending={pending}>
        Join {businessName}
      </Button>
    </form>
  );
}

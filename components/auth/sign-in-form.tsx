"use client";
/** Email and password; a refusal is announced without saying which of the two was wrong. */
import Link from "next/link";
import { useActionState, useState } from "react";
import { signInAction } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(signInAction, null);
  // Controlled, so the email survives React's form reset after a refused attempt.
  const [email, setEmail] = useState("");
  return (
    <form action={formAction} className="space-y-5">
      <Alert>{state?.error}</Alert>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}
      <Field name="email" label="Email">
        {(control) => (
          <Input
            {...control}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </Field>
      <Field name="password" label="Password">
        {(control) => <Input {...control} type="password" autoComplete="current-password" required />}
      </Field>
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to Clientele?{" "}
        <Link
          href={callbackUrl ? `/register?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/register"}
          className="rounded font-medium text-brand-700 hover:text-brand-800"
        >
          Create your account
        </Link>
      </p>
    </form>
  );
}

"use client";
/** Invite a team member by email and show the invitation link to pass on: nobody joins without accepting it. */
import { useActionState, useState } from "react";
import { addStaffAction } from "@/lib/staff/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";

export function AddStaffForm({ roles }: { roles: readonly string[] }) {
  const [state, formAction, pending] = useActionState(addStaffAction, null);
  const [email, setEmail] = useState("");
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const result = state?.ok ? state.data : null;

  return (
    <form action={formAction} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-start">
        <Field name="email" label="Email" error={errors.email}>
          {(control) => (
            <Input
              {...control}
              type="email"
              autoComplete="off"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field name="role" label="Role" error={errors.role}>
          {(control) => (
            <Select {...control} defaultValue={roles.includes("staff") ? "staff" : roles[0]}>
              {roles.map((role) => (
                <option key={role} value={role} className="capitalize">
                  {role}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button type="submit" pending={pending} className="sm:mt-7">
          Invite
        </Button>
      </div>
      <Alert tone={state?.ok ? "success" : "error"}>
        {state && !state.ok && state.error.message}
        {result && (
          <span className="block space-y-2">
            <span className="block">
              Invitation created for {result.email}. Send them this link (valid for 7 days, shown only once); they join
              the team when they accept it, signed in with that address:
            </span>
            <input
              readOnly
              aria-label="Invitation link"
              value={result.invitation_url}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full rounded-md border border-emerald-300 bg-white px-2 py-1 font-mono text-xs text-slate-800"
            />
          </span>
        )}
      </Alert>
    </form>
  );
}

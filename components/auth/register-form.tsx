"use client";
/** The sign-up form: customer or provider, with the business name asked of providers only. */
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/accounts/inputs";
import Link from "next/link";
import { useActionState, useState } from "react";
import { registerAction } from "@/lib/auth/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";

type Role = "customer" | "provider";

const ROLES: { value: Role; title: string; body: string }[] = [
  { value: "customer", title: "I'm a customer", body: "Manage your profile, jobs and orders." },
  { value: "provider", title: "I'm a provider", body: "Offer services on the marketplace as a business." },
];

export function RegisterForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useActionState(registerAction, null);
  // Controlled, so what was typed survives React's form reset when the server refuses it.
  const [values, setValues] = useState({ name: "", email: "", businessName: "" });
  const [role, setRole] = useState<Role>("customer");
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [key]: e.target.value }));

  return (
    <form action={formAction} className="space-y-5">
      <Alert>{state && !state.ok ? state.error.message : null}</Alert>
      {callbackUrl && <input type="hidden" name="callbackUrl" value={callbackUrl} />}

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Account type</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {ROLES.map((option) => (
            <label
              key={option.value}
              className={cn(
                "flex cursor-pointer gap-3 rounded-xl border p-3 text-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500",
                role === option.value
                  ? "border-brand-500 bg-brand-50/60"
                  : "border-slate-300 bg-white hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name="role"
                value={option.value}
                // Uncontrolled on purpose: React resets a form after its action, and a reset restores
                // defaultChecked, which always mirrors the current choice.
                defaultChecked={role === option.value}
                onChange={() => setRole(option.value)}
                className="mt-0.5 size-4 accent-brand-600 focus-visible:outline-none"
              />
              <span>
                <span className="block font-medium text-slate-900">{option.title}</span>
                <span className="block text-slate-600">{option.body}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.role && <p className="mt-1.5 text-sm text-red-700">{errors.role.join(" ")}</p>}
      </fieldset>

      <Field name="name" label="Your name" error={errors.name}>
        {(control) => <Input {...control} autoComplete="name" required value={values.name} onChange={set("name")} />}
      </Field>
      {role === "provider" && (
        <Field
          name="businessName"
          label="Business name"
          error={errors.businessName}
          hint="Customers see this name on the marketplace."
        >
          {(control) => (
            <Input
              {...control}
              autoComplete="organization"
              required
              value={values.businessName}
              onChange={set("businessName")}
            />
          )}
        </Field>
      )}
      <Field name="email" label="Email" error={errors.email}>
        {(control) => (
          <Input {...control} type="email" autoComplete="email" required value={values.email} onChange={set("email")} />
        )}
      </Field>
      <Field name="password" label="Password" error={errors.password} hint={`At least ${PASSWORD_MIN} characters.`}>
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

      <Button type="submit" className="w-full" pending={pending}>
        Create account
      </Button>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link
          href={callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin"}
          className="rounded font-medium text-brand-700 hover:text-brand-800"
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

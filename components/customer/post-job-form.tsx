"use client";
/**
 * The post-a-job form. Every error the server finds appears next to its input, and focus moves to
 * the first one. The date is typed in the person's own time zone (datetime-local) and sent as an
 * ISO time with that zone's offset, so "9:00" means nine o'clock where they are. On success the
 * action takes them to the new job's page.
 */
import { useActionState, useEffect, useRef } from "react";
import { postJobAction } from "@/lib/marketplace/jobs/actions";
import { JOB_CATEGORIES } from "@/lib/marketplace/jobs/categories";
import { JOB_CURRENCIES } from "@/lib/marketplace/jobs/currencies";
import { submitKeepingInput } from "@/components/app/submit";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { withLocalOffset } from "./local-offset";
import { NOT_A_CUSTOMER_POSTING } from "./messages";

const optional = <span className="font-normal text-slate-500">(optional)</span>;

export function PostJobForm() {
  const [state, formAction, pending] = useActionState(postJobAction, null);
  const error = state && !state.ok ? state.error : null;
  const errors = error?.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (error?.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [error]);

  const submit = submitKeepingInput(formAction, (form) => {
    const when = form.get("scheduled_for");
    if (typeof when === "string" && when) form.set("scheduled_for", withLocalOffset(when));
  });

  return (
    <form ref={formRef} action={formAction} onSubmit={submit} noValidate className="space-y-5">
      <Field
        name="title"
        label="Title"
        error={errors.title}
        hint="A few words providers will see first, e.g. “Fix a leaking kitchen tap”."
      >
        {(control) => <Input {...control} required maxLength={120} autoComplete="off" />}
      </Field>
      <Field name="category" label="Category" error={errors.category}>
        {(control) => (
          <Select {...control} required defaultValue="">
            <option value="" disabled>
              Choose a category
            </option>
            {JOB_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {category}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        name="description"
        label="Description"
        error={errors.description}
        hint="What needs doing, how big it is, anything a provider should know. Providers see this before you book one, so leave out your address."
      >
        {(control) => <Textarea {...control} required rows={6} maxLength={5000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-[1fr_9rem]">
        <Field
          name="budget"
          label={<>Budget {optional}</>}
          error={errors.budget ?? errors.budget_minor}
          hint="For example 120 or 120.50. Leave empty to hear offers."
        >
          {(control) => <Input {...control} inputMode="decimal" autoComplete="off" />}
        </Field>
        <Field name="currency" label="Currency" error={errors.currency}>
          {(control) => (
            <Select {...control} defaultValue="USD">
              {JOB_CURRENCIES.map((currency) => (
                <option key={currency} value={currency}>
                  {currency}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <Field
        name="scheduled_for"
        label={<>When {optional}</>}
        error={errors.scheduled_for}
        hint="In your own time zone. Leave empty if you are flexible."
      >
        {(control) => <Input {...control} type="datetime-local" className="sm:max-w-xs" />}
      </Field>
      <Alert>
        {error &&
          (error.fieldErrors
            ? "Some details need another look: see the messages next to the fields."
            : error.reason === "not_a_customer"
              ? NOT_A_CUSTOMER_POSTING
              : error.message)}
      </Alert>
      <Button type="submit" pending={pending}>
        Post job
      </Button>
    </form>
  );
}

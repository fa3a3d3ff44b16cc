"use client";
/**
 * One step on a job (book, withdraw, complete, cancel) as a button that posts a server action.
 * Every step is weighty, so the first press asks `confirm`'s question in place and the step is
 * taken only from the confirming button, which takes the focus (Escape or "Not now" gives it back).
 * A refusal shows the server's message under the button; on success the page is refreshed by the
 * action.
 */
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Props<T> = {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  /** Hidden fields the action reads (jobId, applicationId). */
  fields: Record<string, string>;
  label: string;
  /** Danger for a step that ends something (cancel, withdraw). */
  variant: "primary" | "danger";
  confirm: { question: string; yes: string; no?: string };
};

export function StepButton<T>({ action, fields, label, variant, confirm }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  const yesRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming) yesRef.current?.focus();
    else if (returnFocus.current) startRef.current?.focus();
    returnFocus.current = false;
  }, [confirming]);

  const back = () => {
    returnFocus.current = true;
    setConfirming(false);
  };

  return (
    <form action={formAction} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming ? (
        <div
          role="group"
          aria-label={confirm.question}
          onKeyDown={(e) => e.key === "Escape" && back()}
          className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3"
        >
          <p className="text-sm text-slate-800">{confirm.question}</p>
          <div className="flex flex-wrap gap-2">
            <Button ref={yesRef} type="submit" size="sm" variant={variant} pending={pending}>
              {confirm.yes}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={back} disabled={pending}>
              {confirm.no ?? "Not now"}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          ref={startRef}
          type="button"
          size="sm"
          variant={variant}
          pending={pending}
          onClick={() => setConfirming(true)}
        >
          {label}
        </Button>
      )}
      <Alert>{state && !state.ok ? state.error.message : null}</Alert>
    </form>
  );
}

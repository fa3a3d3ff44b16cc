"use client";
/**
 * A weighty step (book, cancel or complete a job; delete a customer record) as a button that posts
 * a server action. The first press asks `confirm`'s question in place and the step is taken only
 * from the confirming button, which takes the focus (Escape or "Not now" gives it back); a step
 * that undoes one (restore) may go without the question. A refusal shows the server's message
 * under the button; on success the page is refreshed by the action.
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
  /** Danger for a step that ends something (cancel, withdraw, delete). */
  variant: "primary" | "secondary" | "danger";
  /** The question asked before the step; without one, the first press takes it. */
  confirm?: { question: string; yes: string; no?: string };
};

export function ConfirmButton<T>({ action, fields, label, variant, confirm }: Props<T>) {
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
      {confirming && confirm ? (
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
          type={confirm ? "button" : "submit"}
          size="sm"
          variant={variant}
          pending={pending}
          onClick={confirm ? () => setConfirming(true) : undefined}
        >
          {label}
        </Button>
      )}
      <Alert>{state && !state.ok ? state.error.message : null}</Alert>
    </form>
  );
}

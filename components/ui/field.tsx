/**
 * A labelled form control with its hint and error. The control is rendered by the caller with the
 * ids Field hands it, so the label, `aria-describedby` and `aria-invalid` are always wired up.
 */
import type { ReactNode } from "react";

export type ControlProps = {
  id: string;
  name: string;
  "aria-invalid": boolean | undefined;
  "aria-describedby": string | undefined;
};

type FieldProps = {
  name: string;
  label: ReactNode;
  /** One message or several (zod may report more than one per field). */
  error?: string | string[];
  hint?: ReactNode;
  id?: string;
  children: (control: ControlProps) => ReactNode;
};

export function Field({ name, label, error, hint, id = `field-${name}`, children }: FieldProps) {
  const messages = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = messages.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, name, "aria-invalid": messages.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {errorId && (
        <p id={errorId} className="text-sm text-red-700">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}

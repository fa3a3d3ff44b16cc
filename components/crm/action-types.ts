/**
 * A server action as the CRM's client components call it: the page (a server component) imports the
 * concept's action (lib/crm/<concept>/actions.ts) and hands it down, so these components hold no
 * server code. The result is lib/actions/action.ts's ActionResult.
 */
import type { ActionResult } from "@/lib/actions/action";

/** Called with no previous state: these forms keep their own (they are not driven by useActionState). */
export type CrmAction<Input, T = unknown> = (previous: null, input: Input) => Promise<ActionResult<T>>;

export type { ActionResult };

/** The field errors of a failed result, by field; empty when there are none. */
export function fieldErrorsOf(result: ActionResult | null | undefined): Record<string, string[]> {
  return result && !result.ok ? (result.error.fieldErrors ?? {}) : {};
}

/** A failed result's message when no field error explains it (those are shown beside their fields). */
export function formErrorOf(result: ActionResult | null | undefined, fields: readonly string[]): string | null {
  if (!result || result.ok) return null;
  const errors = result.error.fieldErrors ?? {};
  const shownBeside = fields.some((f) => (errors[f]?.length ?? 0) > 0);
  const unplaced = Object.entries(errors)
    .filter(([f]) => !fields.includes(f))
    .flatMap(([, messages]) => messages);
  if (unplaced.length > 0) return unplaced.join(" ");
  return shownBeside ? null : result.error.message;
}

/**
 * Submits a form to its server action without React's automatic form reset. React resets a form
 * after a `<form action>` completes, even when the action answered with field errors, which would
 * wipe what the person typed. The form keeps `action` too, so it still posts before hydration.
 */
import { startTransition, type FormEvent } from "react";

export function submitKeepingInput(dispatch: (form: FormData) => void, prepare?: (form: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    prepare?.(form);
    startTransition(() => dispatch(form));
  };
}

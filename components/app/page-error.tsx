/**
 * What an error boundary (error.tsx) shows when something unexpected failed while loading a page:
 * refusals are not errors (the pages explain those), so this only offers another try and a way out.
 */
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** The props Next passes to an error.tsx. */
export type ErrorBoundaryProps = { error: Error & { digest?: string }; reset: () => void };

type Props = { title: string; reset: () => void; back: { href: string; label: string } };

export function PageError({ title, reset, back }: Props) {
  return (
    <Card className="mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <p role="alert" className="mt-3 text-sm text-slate-600">
        Something went wrong on our side. It has been logged; please try again in a moment.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      </div>
    </Card>
  );
}

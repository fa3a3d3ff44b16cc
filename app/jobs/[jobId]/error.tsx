"use client";
/** Something unexpected failed while loading the job (refusals are not errors; the page explains those). */
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export default function JobError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card className="mx-auto max-w-lg text-center">
      <h1 className="text-xl font-semibold tracking-tight text-slate-900">This job could not be loaded</h1>
      <p role="alert" className="mt-3 text-sm text-slate-600">
        Something went wrong on our side. It has been logged; please try again in a moment.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/home" variant="secondary">
          Go to your home
        </ButtonLink>
      </div>
    </Card>
  );
}

/** What a page shows when the policy refuses it: the reason in plain words and a way back. */
import type { AppError } from "@/lib/errors";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export function AccessDenied({ error }: { error: AppError }) {
  const missing = error.status === 404;
  return (
    <Card className="mx-auto max-w-lg text-center">
      <p className="text-sm font-semibold text-brand-600">{missing ? "404" : "403"}</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
        {missing ? "Not found" : "Access denied"}
      </h1>
      <p role="alert" className="mt-3 text-sm text-slate-600">
        {error.userMessage}
      </p>
      <div className="mt-6">
        <ButtonLink href="/home" variant="secondary">
          Go to your home
        </ButtonLink>
      </div>
    </Card>
  );
}

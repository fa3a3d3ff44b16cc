/**
 * A page's kind explanation of why it cannot show what was asked for: a title, the server's own
 * message (announced), what to do next and a way back. The caller picks the words by the refusal.
 */
import type { ReactNode } from "react";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";

type Props = {
  /** Shown above the title. */
  icon?: ReactNode;
  title: string;
  message: string;
  next: ReactNode;
  back: { href: string; label: string };
};

export function Unavailable({ icon, title, message, next, back }: Props) {
  return (
    <Card className="mx-auto max-w-xl text-center">
      {icon}
      <h1
        className={cn("text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl", icon !== undefined && "mt-4")}
      >
        {title}
      </h1>
      <p role="alert" className="mt-3 text-sm leading-relaxed text-slate-700">
        {message}
      </p>
      <p className="mt-2 text-sm leading-relaxed text-slate-500">{next}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <ButtonLink href={back.href} variant="secondary">
          {back.label}
        </ButtonLink>
      </div>
    </Card>
  );
}

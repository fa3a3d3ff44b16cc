/**
 * The customer's figures as tiles: rating, jobs posted, completed, cancelled and the two rates.
 * "Cancelled" is what the customer did: calling off a job after booking a provider (a job withdrawn
 * before booking, or cancelled by the provider, is in neither figure nor the rates). A figure that
 * cannot be given fairly (no reviews yet, too few finished jobs for a rate) says why instead of
 * showing a misleading 0.
 */
import type { ProviderProfileDto } from "@/lib/provider-profile/dto";
import { MIN_FINISHED_JOBS_FOR_RATES } from "@/lib/customer-profile/figures";
import { formatCount, plural } from "@/components/ui/format";
import type { ReactNode } from "react";
import { Stars } from "./stars";

type Stats = ProviderProfileDto["stats"];

const RATES_REASON: Record<NonNullable<Stats["rates_reason"]>, string> = {
  too_few_finished_jobs: `Not enough finished jobs yet (needs ${MIN_FINISHED_JOBS_FOR_RATES})`,
};

const percent = (value: number) => `${value.toLocaleString("en-US", { maximumFractionDigits: 1 })}%`;

export function ProfileStats({ stats }: { stats: Stats }) {
  const finished = stats.jobs_completed + stats.jobs_cancelled;
  const ratesHint =
    stats.completion_rate === null
      ? (stats.rates_reason && RATES_REASON[stats.rates_reason]) || "Not available yet"
      : `of ${plural(finished, "finished job")}`;
  return (
    <dl aria-label="Customer statistics" className="grid grid-cols-2 gap-3 sm:gap-4 md:grid-cols-3 xl:grid-cols-6">
      <Tile
        label="Average rating"
        value={stats.avg_rating === null ? <Muted>No reviews</Muted> : stats.avg_rating.toFixed(2)}
        hint={
          stats.avg_rating === null ? (
            "No provider has reviewed them yet"
          ) : (
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <Stars rating={Math.round(stats.avg_rating * 10) / 10} />
              <span>{plural(stats.review_count, "review")}</span>
            </span>
          )
        }
      />
      <Tile label="Jobs posted" value={formatCount(stats.jobs_posted_6mo)} hint="in the last 6 months" />
      <Tile label="Completed" value={formatCount(stats.jobs_completed)} hint="jobs finished with a provider" />
      <Tile label="Cancelled" value={formatCount(stats.jobs_cancelled)} hint="called off by them after booking" />
      <Tile
        label="Completion rate"
        value={stats.completion_rate === null ? <Muted>Not yet</Muted> : percent(stats.completion_rate)}
        hint={ratesHint}
      />
      <Tile
        label="Cancellation rate"
        value={stats.cancellation_rate === null ? <Muted>Not yet</Muted> : percent(stats.cancellation_rate)}
        hint={ratesHint}
      />
    </dl>
  );
}

function Tile({ label, value, hint }: { label: string; value: ReactNode; hint: ReactNode }) {
  return (
    <div className="flex min-w-0 flex-col rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1.5 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums sm:text-3xl">{value}</dd>
      <dd className="mt-1 text-xs text-slate-500">{hint}</dd>
    </div>
  );
}

function Muted({ children }: { children: ReactNode }) {
  return <span className="text-lg font-medium text-muted sm:text-xl">{children}</span>;
}

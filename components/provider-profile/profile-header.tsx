/**
 * Who the customer is, as a provider may see it: avatar (or initials), public display name, how
 * long they have been a member, and the badges they have earned, each with what it means.
 */
import { nameInitials } from "@/lib/graphemes";
import type { ProviderProfileDto } from "@/lib/provider-profile/dto";
import { Badge, type BadgeTone } from "@/components/ui/badge";

type Customer = ProviderProfileDto["customer"];
type EarnedBadge = ProviderProfileDto["badges"][number];

const MONTH_YEAR = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });

const BADGE_TONE: Record<EarnedBadge["type"], BadgeTone> = {
  new_customer: "accent",
  frequent_poster: "brand",
  reliable: "success",
  highly_rated: "warning",
};

export function ProfileHeader({ customer, badges }: { customer: Customer; badges: EarnedBadge[] }) {
  return (
    <section
      aria-labelledby="customer-name"
      className="flex items-center gap-4 rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:gap-5 sm:p-6"
    >
      <Avatar name={customer.display_name} url={customer.avatar_url} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-medium text-brand-600">Customer profile</p>
        <h1
          id="customer-name"
          className="mt-0.5 text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl"
        >
          {customer.display_name}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          Member since{" "}
          <time dateTime={customer.member_since}>{MONTH_YEAR.format(new Date(customer.member_since))}</time>
        </p>
        {badges.length > 0 && (
          <ul aria-label="Badges" className="mt-3 flex flex-wrap gap-2">
            {badges.map((badge) => (
              <li key={badge.type} title={badge.description}>
                <Badge tone={BADGE_TONE[badge.type]} className="gap-1 px-2.5 py-1">
                  <BadgeIcon type={badge.type} />
                  {badge.label}
                  <span className="sr-only">: {badge.description}</span>
                </Badge>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/**
 * Only same-origin or inline images can load under the page's CSP (img-src 'self' data: blob:), so
 * any other avatar URL would show as a broken image: initials are shown instead.
 */
function Avatar({ name, url }: { name: string; url: string | null }) {
  const loadable = url !== null && ((url.startsWith("/") && !url.startsWith("//")) || url.startsWith("data:image/"));
  if (loadable) {
    return (
      // next/image would resize through its own route; a data: URL or a small same-origin file needs none of it.
      // eslint-disable-next-line @next/next/no-img-element
      <img src={url} alt="" className="size-16 shrink-0 rounded-full object-cover ring-4 ring-brand-50 sm:size-20" />
    );
  }
  return (
    <span
      aria-hidden
      className="flex size-16 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-brand-500 to-accent-500 text-xl font-semibold text-white ring-4 ring-brand-50 sm:size-20 sm:text-2xl"
    >
      {nameInitials(name) || "?"}
    </span>
  );
}

function BadgeIcon({ type }: { type: EarnedBadge["type"] }) {
  const paths: Record<EarnedBadge["type"], string> = {
    new_customer: "M10 3v14M3 10h14",
    frequent_poster: "M4 4h12v12H4zM7 8h6M7 12h4",
    reliable: "M4 10.5l4 4 8-9",
    highly_rated: "M10 2.5l2.2 4.7 5.1.6-3.8 3.5 1 5.1L10 13.9l-4.5 2.5 1-5.1-3.8-3.5 5.1-.6z",
  };
  return (
    <svg
      aria-hidden
      viewBox="0 0 20 20"
      className="size-3.5"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={paths[type]} />
    </svg>
  );
}

/**
 * What the provider sees when a customer's profile cannot be shown, and why, in kind words: the
 * customer's own choice (private, or only for providers they have dealt with), the wrong kind of
 * account, an unknown customer or too many lookups. The message is the server's (the one the API
 * refusal carries), so the page and the API always give the same reason; the title and the next
 * step are chosen here by the refusal's machine-readable reason.
 */
import type { ReactNode } from "react";
import type { AppError } from "@/lib/errors";
import { Unavailable } from "@/components/app/unavailable";

type Explanation = {
  title: string;
  next: ReactNode;
  icon: "lock" | "handshake" | "store" | "search" | "clock";
  back?: { href: string; label: string };
};

const DASHBOARD = { href: "/provider", label: "Back to the dashboard" };

function explain(error: AppError): Explanation {
  const reason = error.details.reason;
  if (error.code === "forbidden" && reason === "private") {
    return {
      icon: "lock",
      title: "This profile is private",
      next: "That is their choice, and it says nothing bad about them. You can still apply to their open jobs as usual.",
    };
  }
  if (error.code === "forbidden" && reason === "no_interaction") {
    return {
      icon: "handshake",
      title: "Shared with providers they know",
      next: "Many customers like to get to know a provider first; it is nothing against your business.",
    };
  }
  if (error.code === "forbidden" && (reason === "not_a_provider" || reason === "no_business")) {
    return {
      icon: "store",
      title: "Only for providers",
      next: "If you belong to a provider business, switch to it from the menu at the top and open this page again.",
      back: { href: "/home", label: "Go to your home" },
    };
  }
  if (error.code === "rate_limited") {
    return {
      icon: "clock",
      title: "Let's slow down a little",
      next: "You have opened a lot of profiles in a short time. Wait a few minutes, then reload this page.",
    };
  }
  if (error.code === "not_found" || error.code === "bad_request") {
    return {
      icon: "search",
      title: "We couldn't find this customer",
      next: "The link may be mistyped, or the account may have been closed.",
    };
  }
  return { icon: "lock", title: "This profile can't be shown", next: "Go back and try another customer." };
}

export function ProfileUnavailable({ error }: { error: AppError }) {
  const { title, next, icon, back = DASHBOARD } = explain(error);
  return (
    <Unavailable
      icon={
        <span className="mx-auto flex size-12 items-center justify-center rounded-full bg-brand-50 text-brand-600">
          <Icon name={icon} />
        </span>
      }
      title={title}
      message={error.userMessage}
      next={next}
      back={back}
    />
  );
}

const ICONS: Record<Explanation["icon"], string> = {
  lock: "M7 10V7a5 5 0 0 1 10 0v3M5.5 10h13a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Z",
  handshake: "M3 12l4-4 4 2 3-2 7 4M7 8l-4 4 5 5 2-1 2 2 2-1 2 1 4-4M10 16l2-2M12 18l2-2",
  store: "M4 9h16l-1-4H5L4 9Zm0 0v10h16V9M9 19v-5h6v5",
  search: "M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13ZM15.5 15.5 20 20",
  clock: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0-13v4l3 2",
};

function Icon({ name }: { name: Explanation["icon"] }) {
  return (
    <svg
      aria-hidden
      viewBox="0 0 24 24"
      className="size-6"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

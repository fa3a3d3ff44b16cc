"use client";
/** Something unexpected failed while loading the profile (refusals are not errors; the page explains those). */
import { PageError, type ErrorBoundaryProps } from "@/components/app/page-error";

export default function ProfileError({ reset }: ErrorBoundaryProps) {
  return (
    <PageError
      title="This profile could not be loaded"
      reset={reset}
      back={{ href: "/provider", label: "Back to the dashboard" }}
    />
  );
}

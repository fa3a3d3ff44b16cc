"use client";
/** Something unexpected failed while loading the directory (refusals are not errors; the page explains those). */
import { PageError, type ErrorBoundaryProps } from "@/components/app/page-error";

export default function CustomersError({ reset }: ErrorBoundaryProps) {
  return (
    <PageError
      title="The customers could not be loaded"
      reset={reset}
      back={{ href: "/home", label: "Go to your home" }}
    />
  );
}

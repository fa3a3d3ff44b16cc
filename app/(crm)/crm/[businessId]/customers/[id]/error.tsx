"use client";
/** Something unexpected failed while loading the customer (refusals are not errors; the page explains those). */
import { PageError, type ErrorBoundaryProps } from "@/components/app/page-error";

export default function CustomerError({ reset }: ErrorBoundaryProps) {
  return (
    <PageError
      title="This customer could not be loaded"
      reset={reset}
      back={{ href: "/crm", label: "Back to customers" }}
    />
  );
}

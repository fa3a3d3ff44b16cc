"use client";
/** Something unexpected failed while loading the job (refusals are not errors; the page explains those). */
import { PageError, type ErrorBoundaryProps } from "@/components/app/page-error";

export default function JobError({ reset }: ErrorBoundaryProps) {
  return (
    <PageError title="This job could not be loaded" reset={reset} back={{ href: "/home", label: "Go to your home" }} />
  );
}

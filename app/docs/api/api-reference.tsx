"use client";
/**
 * Scalar's API reference, in the browser only (it is a Vue app that needs the DOM). Configured to
 * work with no internet: the spec comes in as a prop, and the default web fonts, telemetry, the
 * AI agent and the developer toolbar (all of which call scalar.com) are off. "Test request" stays:
 * it calls this same origin directly, so it needs no proxy and sends the session cookie.
 */
import "@scalar/api-reference-react/style.css";
import type { AnyApiReferenceConfiguration } from "@scalar/api-reference-react";
import dynamic from "next/dynamic";
import { useMemo, type CSSProperties } from "react";

/**
 * The root layout's header is sticky (h-16 plus a 1px border); Scalar keeps its sidebar and sticky
 * bars below a custom header of this height instead of sliding under it.
 */
const SITE_HEADER_HEIGHT = "65px";

const ApiReferenceReact = dynamic(() => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <p style={{ padding: "2rem", fontFamily: "system-ui, sans-serif" }}>Loading the API reference…</p>,
});

export function ApiReference({ spec }: { spec: Record<string, unknown> }) {
  const configuration = useMemo<AnyApiReferenceConfiguration>(
    () => ({
      content: spec,
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: "never",
      hideClientButton: true,
      documentDownloadType: "json",
      defaultOpenAllTags: true,
    }),
    [spec],
  );
  return (
    <div style={{ "--scalar-custom-header-height": SITE_HEADER_HEIGHT } as CSSProperties}>
      <ApiReferenceReact configuration={configuration} />
    </div>
  );
}

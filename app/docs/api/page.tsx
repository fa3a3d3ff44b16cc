/**
 * /docs/api: the API reference, rendered from the same OpenAPI document /api/openapi.json serves.
 * The document is built on the server and handed to the client component, so the page makes no
 * request of its own to load it.
 */
import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";
import { ApiReference } from "./api-reference";

export const metadata: Metadata = {
  title: "API reference · Clientele",
  description: "The Clientele JSON API: endpoints, inputs, responses and errors.",
};

export default function ApiDocsPage() {
  // A plain JSON copy: the client component receives serialisable data only.
  const spec = JSON.parse(JSON.stringify(openApiDocument())) as Record<string, unknown>;
  return <ApiReference spec={spec} />;
}

/**
 * The generated document, as /api/openapi.json serves it, is valid, by two independent readers:
 * - @readme/openapi-parser: the official OpenAPI 3.1 JSON Schema, plus the rules a schema cannot
 *   state (path parameters declared and required, operationIds unique, every $ref resolvable);
 * - Scalar's workspace store, the model /docs/api renders from. It is stricter than the
 *   specification (it refuses a schema without a type, which 3.1 allows for "any value"), and what
 *   it refuses the page reports as "document validation errors" in the browser's console.
 */
import { createRequire } from "node:module";
import { compileErrors, validate } from "@readme/openapi-parser";
import { createWorkspaceStore } from "@scalar/workspace-store/client";
import { describe, expect, it, vi } from "vitest";
import { openApiDocument } from "./document";

/** A fresh copy of the document as served: plain JSON, nothing shared with the cached object. */
const served = () => JSON.parse(JSON.stringify(openApiDocument())) as Parameters<typeof validate>[0] & object;

/** The paths and messages Scalar's store warns about while loading `document`, as /docs/api would. */
async function scalarWarnings(document: object): Promise<string[]> {
  const warnings: string[] = [];
  const warn = vi.spyOn(console, "warn").mockImplementation((first: unknown) => {
    if (Array.isArray(first)) {
      for (const { path, message } of first as { path: string; message: string }[])
        warnings.push(`${path}: ${message}`);
    } else if (first !== "document validation errors: ") warnings.push(String(first));
  });
  // Its timings (console.info), which say nothing about the document.
  const quiet = (["log", "info"] as const).map((name) => vi.spyOn(console, name).mockImplementation(() => {}));
  try {
    await createWorkspaceStore({}).addDocument({ name: "api", document: document as Record<string, unknown> });
  } finally {
    warn.mockRestore();
    for (const spy of quiet) spy.mockRestore();
  }
  return warnings;
}

describe("the OpenAPI document's validity", () => {
  it("passes the OpenAPI 3.1 schema and specification rules (@readme/openapi-parser)", async () => {
    const result = await validate(served());
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
  });

  it("the validator catches what it should (a broken copy fails)", async () => {
    const broken = served();
    const paths = (broken as { paths: Record<string, Record<string, { operationId?: string }>> }).paths;
    paths["/api/me"]!.get!.operationId = paths["/api/audit"]!.get!.operationId;
    const result = await validate(broken);
    expect(compileErrors(result)).toMatch(/operationId `listAuditHistory` is duplicated/);
  });

  it("loads into the API reference page's model without a warning (Scalar)", async () => {
    expect(await scalarWarnings(served())).toEqual([]);
  });

  it("Scalar's check is live: a schema without a type is warned about", async () => {
    const doc = served() as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } };
    doc.components.schemas.AuditActor!.properties.label = { description: "Anything." };
    expect(await scalarWarnings(doc)).toContain("/components/schemas/AuditActor: Expected union value");
  });

  it("checks the very copy of Scalar's store that /docs/api uses", () => {
    // package.json pins @scalar/workspace-store for this test; if @scalar/api-reference moves to
    // another version, npm installs two copies and this test would check the wrong one: bump ours.
    const require = createRequire(import.meta.url);
    const page = createRequire(require.resolve("@scalar/api-reference-react"));
    const pageStore = createRequire(page.resolve("@scalar/api-reference")).resolve("@scalar/workspace-store/client");
    expect(require.resolve("@scalar/workspace-store/client")).toBe(pageStore);
  });
});

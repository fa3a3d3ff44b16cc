/** OpenAPI registration of the document's own endpoint. */
import { z } from "zod";
import { jsonValue } from "./json-value";
import { describeTag, registerRoute } from "./registry";

describeTag("Platform", "The health of this deployment, its metrics, its scheduled jobs, and this API description.");

export const openApiDocumentSchema = z
  .object({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }) })
  .catchall(jsonValue)
  .meta({ id: "OpenApiDocument", description: "An OpenAPI 3.1 document (this one)." });

registerRoute({
  method: "get",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This API description",
  description: "The OpenAPI 3.1 document of this API, as rendered at /docs/api.",
  tags: ["Platform"],
  access: "public",
  responses: { 200: { description: "The OpenAPI document.", schema: openApiDocumentSchema } },
});

/** OpenAPI registration of the account routes (see lib/openapi/registry.ts). */
import { describeTag, registerRoute } from "@/lib/openapi/registry";
import { meDto, registerResponseDto } from "./dto";
import { registerInput } from "./inputs";

describeTag("Accounts", "Registering, and who the signed-in account is. Sign in with Auth.js's credentials flow.");

registerRoute({
  method: "post",
  path: "/api/register",
  operationId: "register",
  summary: "Create a customer or provider account",
  description:
    "A customer gets a platform profile; a provider gets a marketplace business with the new account " +
    "as its owner. Sign in afterwards: GET /api/auth/csrf, then a form POST to " +
    "/api/auth/callback/credentials with csrfToken, email and password.",
  tags: ["Accounts"],
  access: "public",
  body: registerInput,
  responses: { 201: { description: "The new account's ids.", schema: registerResponseDto } },
  errors: [409, 429],
});

registerRoute({
  method: "get",
  path: "/api/me",
  operationId: "getMe",
  summary: "The signed-in account",
  description: "Its customer profile id, its memberships and the business this request acts for.",
  tags: ["Accounts"],
  access: "user",
  responses: { 200: { description: "The account.", schema: meDto } },
});

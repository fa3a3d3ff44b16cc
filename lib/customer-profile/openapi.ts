/** OpenAPI registration of the customer's own profile settings and who viewed it (see lib/openapi/registry.ts). */
import { providerVisibilityInput, viewsQuery } from "./inputs";
import { providerVisibilityDto, profileViewsPageDto } from "./dto";
import { registerRoute } from "@/lib/openapi/registry";
import { audienceRules } from "./audience";

registerRoute({
  method: "patch",
  path: "/api/customer/profile/provider-visibility",
  operationId: "setProviderVisibility",
  summary: "Choose who among providers may see your profile",
  description: `Who among providers may see your profile: ${audienceRules()}.`,
  tags: ["Marketplace"],
  access: "customer",
  body: providerVisibilityInput,
  responses: { 200: { description: "The setting.", schema: providerVisibilityDto } },
});

registerRoute({
  method: "get",
  path: "/api/customer/profile/views",
  operationId: "listMyProfileViews",
  summary: "Who viewed my profile",
  description: "The provider businesses that viewed the signed-in customer's profile, newest first.",
  tags: ["Provider view"],
  access: "customer",
  query: viewsQuery,
  responses: { 200: { description: "A page of views.", schema: profileViewsPageDto } },
});

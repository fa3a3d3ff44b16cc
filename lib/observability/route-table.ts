/**
 * Every API route's path pattern, as OpenAPI writes it: the request metrics' `route` label is one
 * of these or "unmatched", so the series stay as few as the routes whatever paths callers send.
 * A test (metrics.test.ts) checks this list against app/api's own file tree: add a route there and
 * the test names the line to add here.
 */
export const API_ROUTE_PATTERNS = [
  "/api/admin/outbox",
  "/api/admin/outbox/retry",
  "/api/admin/reviews",
  "/api/admin/reviews/{reviewId}",
  "/api/admin/users/{userId}",
  "/api/audit",
  "/api/auth/{...nextauth}",
  "/api/businesses/{businessId}/staff",
  "/api/businesses/{businessId}/staff/{userId}",
  "/api/cron/{job}",
  "/api/customer/jobs",
  "/api/customer/profile/provider-visibility",
  "/api/customer/profile/views",
  "/api/customers/{businessId}/{customerId}/avatar",
  "/api/health",
  "/api/invitations/{token}/accept",
  "/api/jobs",
  "/api/jobs/{jobId}",
  "/api/jobs/{jobId}/applications",
  "/api/jobs/{jobId}/applications/{applicationId}/accept",
  "/api/jobs/{jobId}/applications/{applicationId}/withdraw",
  "/api/jobs/{jobId}/cancel",
  "/api/jobs/{jobId}/complete",
  "/api/jobs/{jobId}/messages",
  "/api/jobs/{jobId}/review",
  "/api/jobs/{jobId}/reviews/{reviewId}/dispute",
  "/api/me",
  "/api/me/password",
  "/api/me/sessions",
  "/api/metrics",
  "/api/openapi.json",
  "/api/provider/customers/{customerId}/profile",
  "/api/provider/customers/{customerId}/reviews",
  "/api/provider/jobs",
  "/api/register",
] as const;

"use client";
/** One TanStack Query client per browser tab, for client components that fetch from /api. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { retryServerErrorsOnce } from "./fetch-api";

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { staleTime: 30_000, retry: retryServerErrorsOnce, refetchOnWindowFocus: false },
          // TanStack's default ("online") pauses a mutation while the browser is offline: the button
          // spins with no word until the connection returns. Trying at once fails visibly instead,
          // and the form offers to try again.
          mutations: { networkMode: "always" },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

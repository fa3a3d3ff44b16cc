/** The root layout: document shell, header and footer for every face. */
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/app/query-provider";
import { SiteHeader } from "@/components/app/site-header";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Clientele", template: "%s · Clientele" },
  description: "Customer profiles that customers own, providers trust and businesses run their CRM on.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <a
          href="#main"
          className="sr-only rounded-lg bg-white px-3 py-2 text-sm font-medium text-brand-700 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6 sm:py-10 lg:px-8">
          <QueryProvider>{children}</QueryProvider>
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-6 text-xs text-slate-500 sm:px-6 lg:px-8">
            <p>Clientele: your profile, your rules.</p>
            <p>
              <a href="/docs" className="rounded hover:text-slate-700">
                API docs
              </a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}

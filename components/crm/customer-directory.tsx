"use client";
/**
 * A business's customers: search as you type (name, email or any run of a phone's digits), filters
 * and sort, tags as coloured chips, select several and tag them at once, and "Load more" on the
 * API's keyset cursors (pages already shown never move). The search and filters live in the URL
 * (replaced in place, no reload), so a view can be shared and survives a refresh; the server renders
 * the first page of what the URL asks for, so the list is there before any script runs.
 */
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { fetchApi } from "@/components/app/fetch-api";
import { LoadFailed } from "@/components/app/load-failed";
import { LoadMoreFooter } from "@/components/app/load-more-footer";
import { useLoadMore } from "@/components/app/use-load-more";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatMoney, plural } from "@/components/ui/format";
import { Input, Select } from "@/components/ui/input";
import { onSameDigits, readablePhone } from "@/lib/crm/phone-display";
import { fieldErrorsOf, type CrmAction } from "./action-types";
import { Highlight } from "./highlight";
import { TagChip } from "./tag-chip";
import {
  CUSTOMER_TYPE_LABEL,
  TIER_LABEL,
  type BusinessTagView,
  type CustomerPage,
  type CustomerSummary,
  type CustomerType,
  type FrequencyTier,
} from "./types";

export type DirectoryView = {
  q: string;
  customer_type: CustomerType | null;
  tag: string | null;
  tier: FrequencyTier | null;
  repeat: "true" | "false" | null;
  sort: "name" | "created" | "last_purchase" | "total_spent";
};

export const DEFAULT_VIEW: DirectoryView = {
  q: "",
  customer_type: null,
  tag: null,
  tier: null,
  repeat: null,
  sort: "created",
};

const SORT_LABEL: Record<DirectoryView["sort"], string> = {
  created: "Newest first",
  name: "Name (A–Z)",
  last_purchase: "Last purchase",
  total_spent: "Total spent",
};

/** How long typing must pause before the search runs. */
const DEBOUNCE_MS = 250;

export type BulkTagInput = { businessId: string; label: string; customer_ids: string[] };

type Props = {
  businessId: string;
  initialView: DirectoryView;
  /** The first page of `initialView`, rendered by the server. */
  initialPage: CustomerPage | null;
  pageSize: number;
  businessTags: BusinessTagView[];
  /** Given when the viewer may tag (crm.write); the bulk bar shows only then. */
  bulkTagAction?: CrmAction<BulkTagInput, { tagged: number }>;
  /** Whether the viewer may add customers (the empty state tells them how, or whom to ask). */
  canCreate: boolean;
};

/** The view as the URL's query string (defaults left out). */
export function viewQuery(view: DirectoryView): string {
  const params = new URLSearchParams();
  if (view.q.trim()) params.set("q", view.q.trim());
  for (const key of ["customer_type", "tag", "tier", "repeat"] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  if (view.sort !== DEFAULT_VIEW.sort) params.set("sort", view.sort);
  return params.toString();
}

function apiPath(businessId: string, view: DirectoryView, searching: boolean, limit: number, cursor: string | null) {
  const base = `/api/customers/${businessId}`;
  const params = new URLSearchParams({ limit: String(limit) });
  if (cursor) params.set("cursor", cursor);
  if (searching) {
    params.set("q", view.q.trim());
    return `${base}/search?${params}`;
  }
  for (const key of ["customer_type", "tag", "tier", "repeat"] as const) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  params.set("sort", view.sort);
  return `${base}?${params}`;
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function CustomerDirectory({
  businessId,
  initialView,
  initialPage,
  pageSize,
  businessTags,
  bulkTagAction,
  canCreate,
}: Props) {
  const [view, setView] = useState<DirectoryView>(initialView);
  const q = useDebounced(view.q.trim(), DEBOUNCE_MS);
  const searching = q.length > 0;
  const effective = useMemo(() => ({ ...view, q }), [view, q]);
  const initialKey = viewQuery(initialView);
  const key = viewQuery(effective);

  // The URL follows the view, replaced in place: shareable, no server round trip per keystroke.
  useEffect(() => {
    const url = `${window.location.pathname}${key ? `?${key}` : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, "", url);
  }, [key]);

  const query = useInfiniteQuery({
    queryKey: ["crm-directory", businessId, key, pageSize],
    queryFn: ({ pageParam, signal }) =>
      fetchApi<CustomerPage>(apiPath(businessId, effective, searching, pageSize, pageParam), {
        signal,
        fallbackMessage: searching ? "The search could not be run." : "The customers could not be loaded.",
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.pagination.next_cursor,
    initialData: initialPage && key === initialKey ? { pages: [initialPage], pageParams: [null] } : undefined,
    // While a new search runs, the last results stay (dimmed) instead of the list collapsing.
    placeholderData: keepPreviousData,
    // Dropped once the directory is left: coming back, the server's fresh first page is the start
    // (a customer tagged or bought something meanwhile), not pages cached before.
    gcTime: 0,
  });
  const customers = useMemo(() => query.data?.pages.flatMap((p) => p.customers) ?? [], [query.data]);
  const { itemRef, loadMore } = useLoadMore(query, customers);

  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkMessage, setBulkMessage] = useState<string | null>(null);
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allShownSelected = customers.length > 0 && customers.every((c) => selected.has(c.id));

  const set = <K extends keyof DirectoryView>(name: K, value: DirectoryView[K]) =>
    setView((v) => ({ ...v, [name]: value }));
  const filtered = Boolean(view.customer_type || view.tag || view.tier || view.repeat);
  const stale = query.isPlaceholderData || view.q.trim() !== q;

  return (
    <div className="space-y-4">
      <form role="search" onSubmit={(e) => e.preventDefault()} className="space-y-3">
        <div>
          <label htmlFor="customer-search" className="block text-sm font-medium text-slate-800">
            Search customers
          </label>
          <Input
            id="customer-search"
            type="search"
            autoComplete="off"
            inputMode="search"
            placeholder="Name, email or part of a phone number"
            value={view.q}
            onChange={(e) => set("q", e.target.value)}
            aria-describedby="customer-search-hint"
            className="mt-1.5"
          />
          <p id="customer-search-hint" className="mt-1 text-xs text-slate-500">
            Results update as you type. Phone numbers match on their digits, however they are written.
          </p>
        </div>
        <fieldset disabled={searching} className="grid grid-cols-2 gap-3 sm:grid-cols-5">
          <legend className="sr-only">Filters and sort{searching ? " (a search lists every match)" : ""}</legend>
          <SelectField
            label="Type"
            id="filter-type"
            value={view.customer_type ?? ""}
            onChange={(v) => set("customer_type", (v || null) as CustomerType | null)}
          >
            <option value="">All types</option>
            {(Object.keys(CUSTOMER_TYPE_LABEL) as CustomerType[]).map((t) => (
              <option key={t} value={t}>
                {CUSTOMER_TYPE_LABEL[t]}
              </option>
            ))}
          </SelectField>
          <SelectField label="Tag" id="filter-tag" value={view.tag ?? ""} onChange={(v) => set("tag", v || null)}>
            <option value="">Any tag</option>
            {businessTags.map((t) => (
              <option key={t.tag_id} value={t.tag_id}>
                {t.label}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Loyalty"
            id="filter-tier"
            value={view.tier ?? ""}
            onChange={(v) => set("tier", (v || null) as FrequencyTier | null)}
          >
            <option value="">Any tier</option>
            {(Object.keys(TIER_LABEL) as FrequencyTier[]).map((t) => (
              <option key={t} value={t}>
                {TIER_LABEL[t]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Repeat"
            id="filter-repeat"
            value={view.repeat ?? ""}
            onChange={(v) => set("repeat", (v || null) as DirectoryView["repeat"])}
          >
            <option value="">Everyone</option>
            <option value="true">Repeat customers</option>
            <option value="false">Not yet repeat</option>
          </SelectField>
          <SelectField
            label="Sort"
            id="sort"
            value={view.sort}
            onChange={(v) => set("sort", v as DirectoryView["sort"])}
          >
            {(Object.keys(SORT_LABEL) as DirectoryView["sort"][]).map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </SelectField>
        </fieldset>
        {searching && (
          <p className="text-xs text-slate-500">
            Filters and sort apply to the list; a search shows every match, best first.
          </p>
        )}
      </form>

      {bulkTagAction && selected.size > 0 && (
        <BulkTagBar
          businessId={businessId}
          selected={[...selected]}
          businessTags={businessTags}
          action={bulkTagAction}
          onDone={(message) => {
            setSelected(new Set());
            setBulkMessage(message);
          }}
        />
      )}
      <div aria-live="polite">
        {bulkMessage && selected.size === 0 && (
          <p
            role="status"
            className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
          >
            {bulkMessage}
          </p>
        )}
      </div>

      <p className="sr-only" aria-live="polite">
        {query.isFetching && !query.isFetchingNextPage
          ? searching
            ? "Searching…"
            : "Loading…"
          : query.isSuccess
            ? searching
              ? `${plural(customers.length, "match", "matches")}${query.hasNextPage ? " so far" : ""} for ${q}.`
              : ""
            : ""}
      </p>

      {query.isPending ? (
        <p className="text-sm text-slate-600">Loading…</p>
      ) : query.isError && customers.length === 0 ? (
        <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : customers.length === 0 ? (
        searching ? (
          <EmptyState
            title={`No customer matches “${q}”`}
            description="Try part of their name, their email, or a few digits of their phone number."
          />
        ) : filtered ? (
          <EmptyState
            title="No customers match these filters"
            action={
              <Button variant="secondary" size="sm" onClick={() => setView({ ...DEFAULT_VIEW, sort: view.sort })}>
                Clear the filters
              </Button>
            }
          />
        ) : (
          <EmptyState
            title="No customers yet"
            description={
              canCreate
                ? "Add your first customer with the form above: a name is enough, and a phone or email lets you find them again at the till. Purchases, tags and notes then build their profile."
                : "Your role can record purchases but not add customers: ask a manager or the owner to add your first customer."
            }
          />
        )
      ) : (
        <div className={cn("transition-opacity", stale && "opacity-60")}>
          {bulkTagAction && (
            <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300"
                checked={allShownSelected}
                onChange={() => setSelected(allShownSelected ? new Set() : new Set(customers.map((c) => c.id)))}
              />
              Select all {plural(customers.length, "shown customer")}
            </label>
          )}
          <ol
            aria-label={searching ? "Search results" : "Customers"}
            className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white"
          >
            {customers.map((customer, i) => (
              <CustomerRow
                key={customer.id}
                ref={itemRef(i)}
                customer={customer}
                businessId={businessId}
                q={searching ? q : null}
                selectable={Boolean(bulkTagAction)}
                selected={selected.has(customer.id)}
                onToggle={() => toggle(customer.id)}
              />
            ))}
          </ol>
          <LoadMoreFooter
            query={query}
            onLoadMore={loadMore}
            status={
              query.hasNextPage
                ? `Showing ${plural(customers.length, searching ? "match" : "customer", searching ? "matches" : "customers")}.`
                : customers.length === 1
                  ? "That is the only one."
                  : `All ${customers.length} shown.`
            }
            failedMessage="More customers could not be loaded."
          />
        </div>
      )}
    </div>
  );
}

/**
 * Where the server says a search result matched, for the field it matched on; for the others (and
 * outside a search) undefined, so what was typed is marked where it also occurs.
 */
type MatchRange = { start: number; end: number };

function rangesOf(customer: CustomerSummary, field: "name" | "email" | "phone"): MatchRange[] | undefined {
  return customer.match?.field === field ? customer.match.ranges : undefined;
}

/** A phone as people read it, its match marked on the same digits the server found in the stored form. */
function PhoneMatch({ phone, q, ranges }: { phone: string; q: string | null; ranges?: MatchRange[] }) {
  const shown = readablePhone(phone);
  return <Highlight text={shown} q={q} digits ranges={ranges && onSameDigits(phone, shown, ranges)} />;
}

function SelectField({
  label,
  id,
  value,
  onChange,
  children,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        {label}
      </label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </Select>
    </div>
  );
}

function CustomerRow({
  customer,
  businessId,
  q,
  selectable,
  selected,
  onToggle,
  ref,
}: {
  customer: CustomerSummary;
  businessId: string;
  q: string | null;
  selectable: boolean;
  selected: boolean;
  onToggle: () => void;
  ref: (el: HTMLLIElement | null) => void;
}) {
  const checkboxId = `select-${customer.id}`;
  return (
    <li
      ref={ref}
      tabIndex={-1}
      className="flex items-start gap-3 px-4 py-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-500"
    >
      {selectable && (
        <input
          id={checkboxId}
          type="checkbox"
          checked={selected}
          onChange={onToggle}
          aria-label={`Select ${customer.full_name}`}
          className="mt-1 size-4 shrink-0 rounded border-slate-300"
        />
      )}
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link
            href={`/crm/${businessId}/customers/${customer.id}`}
            className="truncate font-medium text-slate-900 hover:text-brand-700 hover:underline"
          >
            <Highlight text={customer.full_name} q={q} ranges={rangesOf(customer, "name")} />
          </Link>
          <Badge tone={customer.customer_type === "vip" ? "accent" : "neutral"}>
            {CUSTOMER_TYPE_LABEL[customer.customer_type]}
          </Badge>
          {customer.repeat_frequency && customer.repeat_frequency !== "one_time" && (
            <Badge tone="brand">{TIER_LABEL[customer.repeat_frequency]}</Badge>
          )}
        </div>
        <p className="mt-0.5 flex flex-wrap gap-x-3 text-sm text-slate-600">
          {customer.phone && (
            <span className="tabular-nums">
              <span className="sr-only">Phone </span>
              <PhoneMatch phone={customer.phone} q={q} ranges={rangesOf(customer, "phone")} />
            </span>
          )}
          {customer.email && (
            <span className="min-w-0 break-all">
              <span className="sr-only">Email </span>
              <Highlight text={customer.email} q={q} ranges={rangesOf(customer, "email")} />
            </span>
          )}
        </p>
        {customer.tags.length > 0 && (
          <ul aria-label={`Tags of ${customer.full_name}`} className="mt-1.5 flex flex-wrap gap-1.5">
            {customer.tags.map((tag) => (
              <li key={tag.id} className="max-w-full">
                <TagChip label={tag.label} color={tag.color} />
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="shrink-0 text-right text-sm">
        <p className="font-medium tabular-nums text-slate-900">
          {formatMoney(customer.total_spent_minor, customer.currency)}
        </p>
        <p className="text-xs text-slate-500">
          {customer.last_purchase_at ? `Last ${formatDate(customer.last_purchase_at)}` : "No purchases"}
        </p>
      </div>
    </li>
  );
}

function BulkTagBar({
  businessId,
  selected,
  businessTags,
  action,
  onDone,
}: {
  businessId: string;
  selected: string[];
  businessTags: BusinessTagView[];
  action: CrmAction<BulkTagInput, { tagged: number }>;
  onDone: (message: string) => void;
}) {
  const [label, setLabel] = useState("");
  const [result, setResult] = useState<Awaited<ReturnType<typeof action>> | null>(null);
  const [pending, startTransition] = useTransition();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const errors = fieldErrorsOf(result);
  const error = errors.label?.join(" ") ?? errors.customer_ids?.join(" ");

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await action(null, { businessId, label, customer_ids: selected });
      setResult(outcome);
      if (outcome.ok) {
        const tagged = `Tagged ${plural(outcome.data.tagged, "customer")} “${label.trim()}”.`;
        setLabel("");
        onDone(tagged);
        await queryClient.invalidateQueries({ queryKey: ["crm-directory", businessId] });
      } else {
        input.current?.focus();
      }
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label="Tag the selected customers"
      className="flex flex-wrap items-end gap-3 rounded-xl border border-brand-200 bg-brand-50 p-3"
    >
      <p className="w-full text-sm font-medium text-brand-900 sm:w-auto sm:self-center">
        {plural(selected.length, "customer")} selected
      </p>
      <div className="min-w-0 flex-1 space-y-1">
        <label htmlFor="bulk-tag-label" className="block text-xs font-medium text-slate-700">
          Tag to add
        </label>
        <Input
          ref={input}
          id="bulk-tag-label"
          list="bulk-tag-options"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={50}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "bulk-tag-error" : undefined}
        />
        <datalist id="bulk-tag-options">
          {businessTags.map((t) => (
            <option key={t.tag_id} value={t.label} />
          ))}
        </datalist>
        {error && (
          <p id="bulk-tag-error" className="text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" pending={pending}>
        Tag them
      </Button>
      <Alert className="w-full">{result && !result.ok && !error ? result.error.message : null}</Alert>
    </form>
  );
}

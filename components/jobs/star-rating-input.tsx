"use client";
/**
 * Choosing 1 to 5 stars: a real radio group (Tab into it, arrow keys to move and choose, or click a
 * star), drawn as stars filled up to the choice, or up to the star under the pointer.
 */
import { useState } from "react";
import { STAR_PATH } from "@/components/provider-profile/stars";
import { cn } from "@/components/ui/cn";

type Props = {
  name: string;
  legend: string;
  value: number | null;
  onChange: (value: number) => void;
  error?: string[];
};

export function StarRatingInput({ name, legend, value, onChange, error }: Props) {
  const [hovered, setHovered] = useState<number | null>(null);
  const shown = hovered ?? value ?? 0;
  const errorId = error?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="mt-1.5 flex items-center gap-3">
        <div
          className="inline-flex rounded-lg p-0.5 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-500"
          onMouseLeave={() => setHovered(null)}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="cursor-pointer p-0.5" onMouseEnter={() => setHovered(n)}>
              <input
                type="radio"
                name={name}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                className="sr-only"
              />
              <span className="sr-only">{n === 1 ? "1 star" : `${n} stars`}</span>
              <svg
                aria-hidden
                viewBox="0 0 20 20"
                fill="currentColor"
                className={cn("size-8 transition-colors", n <= shown ? "text-amber-400" : "text-slate-200")}
              >
                <path d={STAR_PATH} />
              </svg>
            </label>
          ))}
        </div>
        <span className="text-sm text-slate-600" aria-hidden>
          {value ? `${value} out of 5` : "Not rated yet"}
        </span>
      </div>
      {errorId && (
        <p id={errorId} className="mt-1.5 text-sm text-red-700">
          {error!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}

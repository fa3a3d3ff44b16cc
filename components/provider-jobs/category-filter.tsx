/**
 * The category filter of the open jobs: a GET form, so the chosen category lands in the URL
 * (?category=) where it can be shared, and works before any script runs; next/form turns the
 * submit into a client-side navigation once it has loaded.
 */
import Form from "next/form";
import { JOB_CATEGORIES } from "@/lib/marketplace/jobs/categories";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";

export function CategoryFilter({ current }: { current: string | null }) {
  return (
    <Form action="/provider/jobs" className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
      <input type="hidden" name="view" value="open" />
      <div className="min-w-0 flex-1 sm:w-56 sm:flex-none">
        <label htmlFor="job-category" className="mb-1 block text-xs font-medium text-slate-600">
          Category
        </label>
        {/* Keyed by the current value: after a navigation the select shows the category in the URL. */}
        <Select key={current ?? ""} id="job-category" name="category" defaultValue={current ?? ""}>
          <option value="">All categories</option>
          {JOB_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {category}
            </option>
          ))}
        </Select>
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </Form>
  );
}

/** What the customer usually hires for: their most posted job categories. */
import type { ProviderProfileDto } from "@/lib/provider-profile/dto";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { plural } from "@/components/ui/format";
import { BarList } from "./bar-list";

export function JobCategories({ categories }: { categories: ProviderProfileDto["job_categories"] }) {
  return (
    <Card title="Job categories" description={categories.length === 0 ? undefined : "What they post most often."}>
      {categories.length === 0 ? (
        <EmptyState
          title="No jobs posted yet"
          description="Their most frequent job categories appear here once they post jobs."
        />
      ) : (
        <BarList
          label="Jobs by category"
          labelWidth="w-28 sm:w-36"
          barClassName="bg-accent-500"
          bars={categories.map(({ category, count }) => ({
            key: category,
            label: <span title={category}>{category}</span>,
            value: count,
            valueText: plural(count, "job"),
            srLabel: `${category}: ${plural(count, "job")}`,
          }))}
        />
      )}
    </Card>
  );
}

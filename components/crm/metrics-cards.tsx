/** A record's purchase metrics as tiles: spent, purchases, average, last purchase, loyalty, items. */
import { formatCount, formatDate, formatMoney, plural } from "@/components/ui/format";
import { Stat, StatGrid } from "@/components/ui/stat";
import { TIER_LABEL, type MetricsView } from "./types";

export function MetricsCards({ metrics }: { metrics: MetricsView }) {
  const money = (minor: number) => formatMoney(minor, metrics.currency);
  const days = metrics.days_since_last_purchase;
  return (
    <section aria-label="Purchase metrics">
      <StatGrid>
        <Stat label="Total spent" value={money(metrics.total_spent_minor)} hint="lifetime value" />
        <Stat
          label="Purchases"
          value={formatCount(metrics.total_purchases)}
          hint={plural(metrics.total_items_bought, "item") + " bought"}
        />
        <Stat
          label="Average sale"
          value={metrics.total_purchases === 0 ? "—" : money(metrics.avg_transaction_value_minor)}
          hint={metrics.first_purchase_date ? `since ${formatDate(metrics.first_purchase_date)}` : "no purchases yet"}
        />
        <Stat
          label="Last purchase"
          value={days === null ? "Never" : days === 0 ? "Today" : plural(days, "day") + " ago"}
          hint={
            metrics.repeat_frequency
              ? `${TIER_LABEL[metrics.repeat_frequency]}${metrics.is_repeat_customer ? " · repeat customer" : ""}`
              : "no loyalty tier yet"
          }
        />
      </StatGrid>
    </section>
  );
}

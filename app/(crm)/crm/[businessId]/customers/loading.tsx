import { ListSkeleton } from "@/components/app/list-skeleton";

/** While the directory's first page loads. */
export default function Loading() {
  return <ListSkeleton label="Loading the customers…" />;
}

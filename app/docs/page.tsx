/** /docs: the API reference is the only documentation page for now; the footer links here. */
import { redirect } from "next/navigation";

export default function DocsIndexPage() {
  redirect("/docs/api");
}

/** /home: sends each person to their most specific home (anonymous visitors to sign in). */
import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page";
import { homePathFor } from "@/lib/authz/policy";

export default async function HomeRedirect() {
  redirect(homePathFor(await requirePageActor("/home")));
}

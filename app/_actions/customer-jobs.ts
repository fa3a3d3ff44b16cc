"use server";
/** The customer's marketplace forms: posting a job, and choosing which providers may see their profile. */
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions/action";
import { providerVisibilityInput } from "@/lib/marketplace/inputs";
import { postJob } from "@/lib/marketplace/jobs";
import { postJobForm } from "@/lib/marketplace/post-job-form";
import { setProviderVisibility } from "@/lib/marketplace/visibility";

export const postJobAction = action(postJobForm, async ({ db, actor, input }) => {
  const job = await postJob(db, actor, input);
  // /me and /me/jobs list the new job.
  revalidatePath("/me", "layout");
  redirect(`/jobs/${job.job_id}`);
});

export const setProviderVisibilityAction = action(providerVisibilityInput, async ({ db, actor, input }) => {
  const result = await setProviderVisibility(db, actor, input.visibility);
  revalidatePath("/me");
  return result;
});

"use client";
/**
 * A record's tags as coloured chips, each with a remove button, and a form to add one by label (the
 * business's existing tags offered as suggestions; a new label becomes a new tag). A duplicate in
 * any case is refused by the server and the message shows beside the field.
 */
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { fieldErrorsOf, formErrorOf, type ActionResult, type CrmAction } from "./action-types";
import { TagChip } from "./tag-chip";
import type { BusinessTagView, TagView } from "./types";

export type AddTagInput = { businessId: string; customerId: string; label: string };
export type RemoveTagInput = { businessId: string; customerId: string; tagId: string };

type Props = {
  businessId: string;
  customerId: string;
  tags: TagView[];
  businessTags: BusinessTagView[];
  addAction?: CrmAction<AddTagInput, unknown>;
  removeAction?: CrmAction<RemoveTagInput, unknown>;
};

export function TagsPanel({ businessId, customerId, tags, businessTags, addAction, removeAction }: Props) {
  const router = useRouter();
  const [label, setLabel] = useState("");
  const [result, setResult] = useState<ActionResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [removing, setRemoving] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const errors = fieldErrorsOf(result);
  const own = new Set(tags.map((t) => t.label.toLowerCase()));

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (!addAction) return;
    startTransition(async () => {
      const outcome = await addAction(null, { businessId, customerId, label });
      setResult(outcome);
      if (outcome.ok) {
        setStatus(`Tag “${label.trim()}” added.`);
        setLabel("");
        router.refresh();
      } else {
        setStatus(null);
        input.current?.focus();
      }
    });
  };

  const remove = (tag: TagView) => {
    if (!removeAction) return;
    setRemoving(tag.id);
    startTransition(async () => {
      const outcome = await removeAction(null, { businessId, customerId, tagId: tag.id });
      setResult(outcome);
      setRemoving(null);
      if (outcome.ok) {
        setStatus(`Tag “${tag.label}” removed.`);
        router.refresh();
        input.current?.focus();
      }
    });
  };

  // A duplicate (409) has no field: it belongs beside the label all the same.
  const labelError =
    errors.label ?? (result && !result.ok && result.error.code === "conflict" ? [result.error.message] : undefined);

  return (
    <Card title="Tags">
      {tags.length === 0 ? (
        <p className="text-sm text-slate-600">No tags yet.</p>
      ) : (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li key={tag.id} className="max-w-full">
              <TagChip label={tag.label} color={tag.color} className="py-1 text-sm">
                {removeAction && (
                  <button
                    type="button"
                    onClick={() => remove(tag)}
                    disabled={removing === tag.id}
                    aria-label={`Remove tag ${tag.label}`}
                    className="-mr-1 grid size-5 place-items-center rounded-full hover:bg-black/10"
                  >
                    <svg aria-hidden viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
                      <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                    </svg>
                  </button>
                )}
              </TagChip>
            </li>
          ))}
        </ul>
      )}
      {addAction && (
        <form onSubmit={add} noValidate className="mt-4 flex flex-wrap items-start gap-2">
          <div className="min-w-0 flex-1 basis-48">
            <Field name="label" id="tag-label" label="Add a tag" error={labelError}>
              {(control) => (
                <Input
                  {...control}
                  ref={input}
                  list="tag-suggestions"
                  maxLength={50}
                  autoComplete="off"
                  value={label}
                  onChange={(e) => setLabel(e.target.value)}
                />
              )}
            </Field>
            <datalist id="tag-suggestions">
              {businessTags
                .filter((t) => !own.has(t.label.toLowerCase()))
                .map((t) => (
                  <option key={t.tag_id} value={t.label} />
                ))}
            </datalist>
          </div>
          <Button type="submit" variant="secondary" pending={pending && removing === null} className="sm:mt-7">
            Add tag
          </Button>
        </form>
      )}
      <Alert className="mt-2">{labelError ? null : formErrorOf(result, ["label"])}</Alert>
      <p role="status" className="sr-only">
        {status}
      </p>
    </Card>
  );
}

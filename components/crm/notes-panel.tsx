"use client";
/**
 * Internal notes about a customer: pinned first, then newest, each with its type, author and time;
 * a form to add one (1-500 characters, counted as you type) and a pin toggle on each. Staff without the notes permission get
 * a short explanation instead (NotesHidden): the page never loads the notes for them.
 */
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { formatDateTime } from "@/components/ui/format";
import { Select, Textarea } from "@/components/ui/input";
import { fieldErrorsOf, formErrorOf, type ActionResult, type CrmAction } from "./action-types";
import { NOTE_TYPE_LABEL, type NoteType, type NoteView } from "./types";

export type AddNoteInput = {
  businessId: string;
  customerId: string;
  content: string;
  note_type: NoteType;
  is_pinned: boolean;
};

export type PinNoteInput = { businessId: string; customerId: string; noteId: string; is_pinned: boolean };

const NOTE_MAX = 500;
const FIELDS = ["content", "note_type", "is_pinned"] as const;
const chars = (s: string) => [...s].length;

type Props = {
  businessId: string;
  customerId: string;
  notes: NoteView[];
  /** More notes than listed. */
  more: boolean;
  addAction?: CrmAction<AddNoteInput, unknown>;
  pinAction?: CrmAction<PinNoteInput, unknown>;
};

export function NotesPanel({ businessId, customerId, notes, more, addAction, pinAction }: Props) {
  const router = useRouter();
  const [content, setContent] = useState("");
  const [noteType, setNoteType] = useState<NoteType>("personal");
  const [pinned, setPinned] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const errors = fieldErrorsOf(result);
  const used = chars(content.trim());
  const [pinning, setPinning] = useState<string | null>(null);
  const [pinError, setPinError] = useState<string | null>(null);

  const togglePin = (note: NoteView) => {
    if (!pinAction) return;
    setPinning(note.note_id);
    startTransition(async () => {
      const outcome = await pinAction(null, {
        businessId,
        customerId,
        noteId: note.note_id,
        is_pinned: !note.is_pinned,
      });
      setPinning(null);
      setPinError(outcome.ok ? null : outcome.error.message);
      if (outcome.ok) {
        setStatus(note.is_pinned ? "Note unpinned." : "Note pinned to the top.");
        router.refresh();
      }
    });
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!addAction) return;
    startTransition(async () => {
      const outcome = await addAction(null, {
        businessId,
        customerId,
        content,
        note_type: noteType,
        is_pinned: pinned,
      });
      setResult(outcome);
      if (outcome.ok) {
        setContent("");
        setPinned(false);
        setStatus("Note added.");
        router.refresh();
      } else {
        setStatus(null);
        textarea.current?.focus();
      }
    });
  };

  return (
    <Card title="Notes" description="Internal to your team: the customer never sees them.">
      {addAction && (
        <form onSubmit={submit} noValidate className="mb-5 space-y-3" aria-label="Add a note">
          <Field
            name="content"
            id="note-content"
            label="New note"
            error={errors.content}
            hint={<span aria-live="polite">{`${used} of ${NOTE_MAX} characters`}</span>}
          >
            {(control) => (
              <Textarea
                {...control}
                ref={textarea}
                rows={3}
                value={content}
                onChange={(e) => setContent(e.target.value)}
              />
            )}
          </Field>
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-40">
              <Field name="note_type" id="note-type" label="Type" error={errors.note_type}>
                {(control) => (
                  <Select {...control} value={noteType} onChange={(e) => setNoteType(e.target.value as NoteType)}>
                    {(Object.keys(NOTE_TYPE_LABEL) as NoteType[]).map((t) => (
                      <option key={t} value={t}>
                        {NOTE_TYPE_LABEL[t]}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
            </div>
            <label className="flex h-10 items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="size-4 rounded border-slate-300"
                checked={pinned}
                onChange={(e) => setPinned(e.target.checked)}
              />
              Pin to the top
            </label>
            <Button type="submit" pending={pending} className="ml-auto">
              Add note
            </Button>
          </div>
          <Alert>{formErrorOf(result, FIELDS)}</Alert>
          <p role="status" className="sr-only">
            {status}
          </p>
        </form>
      )}
      <Alert>{pinError}</Alert>
      {notes.length === 0 ? (
        <p className="text-sm text-slate-600">No notes yet.</p>
      ) : (
        <ol aria-label="Notes" className="space-y-3">
          {notes.map((note) => (
            <li
              key={note.note_id}
              className={cn(
                "rounded-xl border px-4 py-3",
                note.is_pinned ? "border-amber-200 bg-amber-50/60" : "border-slate-200 bg-white",
              )}
            >
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                {note.is_pinned && <Badge tone="warning">Pinned</Badge>}
                <Badge tone={note.note_type === "issue" ? "danger" : "neutral"}>
                  {NOTE_TYPE_LABEL[note.note_type]}
                </Badge>
                <span>
                  by {note.created_by?.name ?? "a former team member"} ·{" "}
                  <time dateTime={note.created_at}>{formatDateTime(note.created_at)}</time>
                </span>
                {pinAction && (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="ml-auto h-7 px-2 text-brand-700"
                    onClick={() => togglePin(note)}
                    pending={pending && pinning === note.note_id}
                    aria-label={`${note.is_pinned ? "Unpin" : "Pin"} the note of ${formatDateTime(note.created_at)}`}
                  >
                    {note.is_pinned ? "Unpin" : "Pin"}
                  </Button>
                )}
              </div>
              <p className="mt-1.5 whitespace-pre-wrap break-words text-sm text-slate-900">{note.content}</p>
            </li>
          ))}
        </ol>
      )}
      {more && (
        <p className="mt-3 text-xs text-slate-500">Showing the {notes.length} most recent notes (pinned first).</p>
      )}
    </Card>
  );
}

/** What staff without the notes permission see in the notes' place. */
export function NotesHidden({ message }: { message: string }) {
  return (
    <Card title="Notes">
      <p className="text-sm text-slate-600">
        {message} Ask a manager if there is something the team should know about this customer.
      </p>
    </Card>
  );
}

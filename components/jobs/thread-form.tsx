"use client";
/**
 * Writing in a thread: a labelled text area (Ctrl+Enter or ⌘+Enter sends), a Send button with its
 * pending state, and the server's refusal (an empty message, a thread closed meanwhile) shown by
 * the field. A message that could not be sent (offline, a server error) says so, keeps its text and
 * offers "Try again". On success the text area empties and keeps focus for the next message.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { isRetryable } from "@/components/app/fetch-api";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { MessageDto } from "@/lib/marketplace/messages/dto";
import { postMessage } from "./thread-data";

const MAX_LENGTH = 4000;

type Props = { jobId: string; providerBusinessId: string; onSent: (message: MessageDto) => void };

export function ThreadForm({ jobId, providerBusinessId, onSent }: Props) {
  const id = useId();
  const [body, setBody] = useState("");
  const [emptyError, setEmptyError] = useState(false);
  const send = useMutation({
    mutationFn: (text: string) => postMessage(jobId, providerBusinessId, text),
    onSuccess: (message) => {
      onSent(message);
      setBody("");
    },
  });

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault();
    if (send.isPending) return;
    if (!body.trim()) {
      send.reset();
      setEmptyError(true);
      return;
    }
    setEmptyError(false);
    send.mutate(body);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) submit(event);
  };

  const error = emptyError ? "Write a message." : send.error ? `Not sent. ${send.error.message}` : undefined;
  // A refusal (the thread closed meanwhile) would only be refused again; a failure may pass next time.
  const canRetry = send.isError && isRetryable(send.error) && body.trim() !== "";
  return (
    <form onSubmit={submit} className="space-y-2" noValidate>
      <Field
        name="body"
        id={`${id}-body`}
        label="Message"
        error={error}
        hint="Press Ctrl+Enter (⌘+Enter on a Mac) to send."
      >
        {(control) => (
          <Textarea
            {...control}
            rows={3}
            maxLength={MAX_LENGTH}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            onKeyDown={onKeyDown}
          />
        )}
      </Field>
      <div className="flex items-center justify-end gap-3">
        <p role="status" className="sr-only">
          {send.isSuccess ? "Message sent." : send.isError ? "Message not sent." : ""}
        </p>
        <Button type="submit" pending={send.isPending}>
          {canRetry ? "Try again" : "Send"}
        </Button>
      </div>
    </form>
  );
}

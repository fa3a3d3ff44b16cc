"use client";
/**
 * An "Edit" button that swaps itself for a form in place: when the form opens, focus moves to its
 * first field; when it closes (saved or cancelled), back to the button, so a keyboard user is never
 * left on a control that disappeared.
 */
import { useEffect, useRef, useState } from "react";

export function useDisclosureFocus() {
  const [open, setOpen] = useState(false);
  const toggled = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!toggled.current) return;
    if (open) panel.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
    else button.current?.focus();
  }, [open]);
  const set = (next: boolean) => {
    toggled.current = true;
    setOpen(next);
  };
  return { open, openIt: () => set(true), close: () => set(false), button, panel };
}

"use client";
import { buttonClass } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { type ReactNode, useState } from "react";

/**
 * A submit button that asks first: the first click shows what will happen, with the real submit
 * and a way back. Manage's own until the shared kit has one.
 */
export function ConfirmButton(props: {
  children: ReactNode;
  /** What will happen, in a sentence or two. */
  question: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  variant?: "primary" | "danger";
}) {
  const [asking, setAsking] = useState(false);
  if (!asking && !props.pending)
    return (
      <button type="button" className={buttonClass(props.variant)} onClick={() => setAsking(true)}>
        {props.children}
      </button>
    );
  return (
    <div role="alertdialog" aria-label="Confirm" className="rounded-md border border-rose-200 bg-rose-50 p-3">
      <div className="mb-3 text-sm text-rose-900">{props.question}</div>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant={props.variant} pending={props.pending} pendingLabel={props.pendingLabel}>
          {props.confirmLabel}
        </SubmitButton>
        {props.pending ? null : (
          <button type="button" className={buttonClass("secondary")} onClick={() => setAsking(false)}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

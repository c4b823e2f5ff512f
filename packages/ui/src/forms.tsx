"use client";
import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { type ButtonVariant, buttonClass, Spinner } from "./index";

/**
 * A form's submit button that shows the work in progress: disabled, a spinner and `pendingLabel`
 * while its form's action runs (or while `pending`, for forms that track their own action).
 */
export function SubmitButton(props: {
  children: ReactNode;
  pendingLabel: string;
  variant?: ButtonVariant;
  size?: "md" | "sm";
  name?: string;
  value?: string;
  pending?: boolean;
}) {
  const status = useFormStatus();
  const pending = props.pending ?? status.pending;
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      disabled={pending}
      aria-busy={pending || undefined}
      className={buttonClass(props.variant, props.size)}
    >
      {pending ? (
        <>
          <Spinner />
          {props.pendingLabel}
        </>
      ) : (
        props.children
      )}
    </button>
  );
}

"use client";
import { Alert, Field } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import { grantCredits } from "./actions";

/**
 * Grant credits. A refusal is shown under the field it is about and what was typed stays (the
 * form is submitted by hand so React does not reset it); a grant clears the form and says what
 * it resumed.
 */
export function GrantCreditsForm({ tenantId }: { tenantId: string }) {
  const [state, action, pending] = useActionState(grantCredits, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const fields = state.fields ?? {};
  return (
    // The API's sentences are the errors shown: the browser's own checks would hide them.
    <form ref={form} action={action} onSubmit={submit} noValidate aria-label="Grant credits">
      {state.ok ? <Alert kind="success">{state.ok}</Alert> : null}
      {state.error && Object.keys(fields).length === 0 ? <Alert kind="error">{state.error}</Alert> : null}
      <input type="hidden" name="tenantId" value={tenantId} />
      <Field label="Credits to grant" name="amount" type="number" min={1} required error={fields.amount} />
      <Field
        label="Note"
        name="note"
        required
        hint="Why: the tenant's ledger and the audit log show it."
        error={fields.note}
      />
      <SubmitButton pending={pending} pendingLabel="Granting…">
        Grant credits
      </SubmitButton>
    </form>
  );
}

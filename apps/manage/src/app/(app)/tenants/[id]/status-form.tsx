"use client";
import { Alert, Field } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { type FormEvent, startTransition, useActionState } from "react";
import { ConfirmButton } from "../../../../components/confirm-button";
import { setTenantStatus } from "./actions";

/** Suspend (a reason, then a confirmation: its members are shut out at once) or reactivate. */
export function TenantStatusForm(props: { tenantId: string; name: string; status: "active" | "suspended" }) {
  const [state, action, pending] = useActionState(setTenantStatus, {});
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const fields = state.fields ?? {};
  const alerts = (
    <>
      {state.ok ? <Alert kind="success">{state.ok}</Alert> : null}
      {state.error && Object.keys(fields).length === 0 ? <Alert kind="error">{state.error}</Alert> : null}
    </>
  );
  if (props.status === "suspended")
    return (
      <form action={action} onSubmit={submit} aria-label="Reactivate tenant">
        {alerts}
        <input type="hidden" name="tenantId" value={props.tenantId} />
        <input type="hidden" name="action" value="reactivate" />
        <p className="mb-3 text-sm text-slate-600">
          Its members get their workspace back at once; work waiting to publish can then be replayed.
        </p>
        <SubmitButton pending={pending} pendingLabel="Reactivating…">
          Reactivate tenant
        </SubmitButton>
      </form>
    );
  return (
    <form action={action} onSubmit={submit} noValidate aria-label="Suspend tenant">
      {alerts}
      <input type="hidden" name="tenantId" value={props.tenantId} />
      <input type="hidden" name="action" value="suspend" />
      <Field label="Reason" name="reason" required hint="Kept in the audit log." error={fields.reason} />
      <ConfirmButton
        variant="danger"
        pending={pending}
        pendingLabel="Suspending…"
        confirmLabel="Yes, suspend"
        question={
          <>
            <strong>Suspend {props.name}?</strong> Its members are shut out at once and nothing is published until you
            reactivate it.
          </>
        }
      >
        Suspend tenant
      </ConfirmButton>
    </form>
  );
}

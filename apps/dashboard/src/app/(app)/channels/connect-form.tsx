"use client";
import { Alert, Field } from "@leadmetrics/ui";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { type FormEvent, startTransition, useActionState, useEffect, useRef } from "react";
import { connectWordPress } from "./actions";

/**
 * Connect WordPress. The site is asked before anything is saved, which takes a moment: the button
 * says so. A refusal is shown beside the field it is about and everything typed stays in place
 * (the form is submitted by hand so React does not reset it); a success clears the form.
 */
export function ConnectWordPressForm() {
  const [state, action, pending] = useActionState(connectWordPress, {});
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
  const fieldError = Object.keys(fields).length > 0;
  return (
    <form ref={form} action={action} onSubmit={submit} aria-label="Connect WordPress">
      {state.ok ? <Alert kind="success">{state.ok}</Alert> : null}
      {state.error && !fieldError ? <Alert kind="error">{state.error}</Alert> : null}
      <Field label="Name" name="name" required defaultValue="Company blog" error={fields.name} />
      <Field
        label="Site address"
        name="siteUrl"
        type="url"
        required
        hint="e.g. https://blog.example.com"
        error={fields.siteUrl}
      />
      <Field label="WordPress user" name="username" required error={fields.username} />
      <Field
        label="Application password"
        name="applicationPassword"
        type="password"
        required
        hint="Users → Profile → Application Passwords. Never your login password."
        error={fields.applicationPassword}
      />
      <SubmitButton pending={pending} pendingLabel="Checking the site…">
        Connect
      </SubmitButton>
    </form>
  );
}

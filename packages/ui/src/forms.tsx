"use client";
import {
  createContext,
  type FormEvent,
  type ReactNode,
  type RefObject,
  startTransition,
  useActionState,
  useContext,
  useEffect,
  useId,
  useRef,
} from "react";
import { useFormStatus } from "react-dom";
import type { FormAction, FormState } from "./form-state";
import { type ButtonVariant, buttonClass, Field, Spinner } from "./index";
import { showToast } from "./toaster";

type FormContextValue = { state: FormState; pending: boolean; labels: Map<string, string> };
const FormContext = createContext<FormContextValue | null>(null);

/**
 * A form whose server action answers a FormState: while it runs the submit button is pending and
 * a second submit is ignored; a refusal keeps everything typed (the form is submitted by hand, so
 * React does not reset it), puts each field's message under the field (FormField, FormSelect),
 * sums them up on top and moves focus to the first; a success (`ok`) is a toast and, unless
 * `keepOnSuccess`, clears the form. An action that redirects leaves its toast with `flash()`.
 */
export function ActionForm(props: {
  action: FormAction;
  /** The form's accessible name ("Invite someone"). */
  label: string;
  children: ReactNode;
  className?: string;
  keepOnSuccess?: boolean;
  /** Say a success inside the form instead of a toast (when the sentence is a result to read). */
  okInline?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(props.action, {});
  const form = useRef<HTMLFormElement>(null);
  const labels = useRef(new Map<string, string>()).current;
  const { keepOnSuccess, okInline } = props;
  useEffect(() => {
    if (state.ok) {
      if (!okInline) showToast("success", state.ok);
      if (!keepOnSuccess) form.current?.reset();
    } else if (state.error) {
      const first = Object.keys(state.fields ?? {}).find((name) => labels.has(name));
      const target = first
        ? (form.current?.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`) ??
          form.current?.querySelector<HTMLElement>(`#field-${CSS.escape(first)}`))
        : null;
      (target ?? form.current?.querySelector<HTMLElement>("[data-form-summary]"))?.focus();
    }
  }, [state, keepOnSuccess, okInline, labels]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (pending) return;
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return (
    <FormContext.Provider value={{ state, pending, labels }}>
      <form
        ref={form}
        action={dispatch}
        onSubmit={submit}
        aria-label={props.label}
        aria-busy={pending || undefined}
        className={props.className}
      >
        {state.ok && props.okInline ? (
          <div
            role="status"
            className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800"
          >
            {state.ok}
          </div>
        ) : null}
        <FormSummary state={state} labels={labels} />
        {props.children}
      </form>
    </FormContext.Provider>
  );
}

const fieldName = (path: string) => {
  const words = path
    .replace(/\./g, " ")
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
};

/** A field's message as a sentence: "must be at least 10 characters" becomes "Password must be …". */
export function fieldSentence(label: string, message: string): string {
  if (!/^[a-z]/.test(message)) return message;
  return `${label} ${message}${/[.!?]$/.test(message) ? "" : "."}`;
}

/**
 * The plain summary on top of a refused form: the API's sentence when no field is named, else
 * which fields to fix (each linked to its field, whose message is under it) and the messages of
 * any the form does not show. Not a live region when fields are named: their messages are
 * announced, and focus moves to the first.
 */
function FormSummary({ state, labels }: { state: FormState; labels: Map<string, string> }) {
  if (!state.error) return null;
  const problems = Object.entries(state.fields ?? {});
  const box = "mb-4 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800";
  if (problems.length === 0)
    return (
      <div role="alert" tabIndex={-1} data-form-summary className={box}>
        {state.error}
      </div>
    );
  const shown = problems.filter(([name]) => labels.has(name));
  const other = problems.filter(([name]) => !labels.has(name));
  return (
    <div tabIndex={-1} data-form-summary data-testid="form-summary" className={box}>
      {shown.length > 0 ? (
        <p>
          {shown.length === 1 ? "Check the field marked below: " : `Check the ${shown.length} fields marked below: `}
          {shown.map(([name], i) => (
            <span key={name}>
              {i > 0 ? ", " : ""}
              <a className="font-medium underline" href={`#field-${name}`}>
                {labels.get(name)}
              </a>
            </span>
          ))}
          .
        </p>
      ) : null}
      {other.length > 0 ? (
        <ul role="alert" className={shown.length > 0 ? "mt-1" : undefined}>
          {other.map(([name, message]) => (
            <li key={name}>{fieldSentence(fieldName(name), message)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type FieldProps = Parameters<typeof Field>[0];

/** A Field inside an ActionForm: its error is the form's answer for its name. */
export function FormField(props: FieldProps) {
  const form = useContext(FormContext);
  form?.labels.set(props.name, props.label);
  const message = props.error ?? form?.state.fields?.[props.name];
  return <Field {...props} error={message ? fieldSentence(props.label, message) : undefined} />;
}

/**
 * A group of inputs the API answers for as one (a plan's quantities: `items`): its legend is its
 * label, its message sits under the legend.
 */
export function FormFieldset(props: { legend: string; name: string; hint?: string; children: ReactNode }) {
  const form = useContext(FormContext);
  form?.labels.set(props.name, props.legend);
  const message = form?.state.fields?.[props.name];
  const id = `field-${props.name}`;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      aria-invalid={message ? true : undefined}
      aria-describedby={message ? `${id}-error` : undefined}
      className="mb-4"
    >
      <legend className="text-sm font-medium text-slate-700">{props.legend}</legend>
      {props.hint ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      {message ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-rose-700">
          {fieldSentence(props.legend, message)}
        </p>
      ) : null}
      <div className="mt-2">{props.children}</div>
    </fieldset>
  );
}

/** A labelled select with its inline error (inside an ActionForm, the form's answer for its name). */
export function FormSelect(props: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: string;
  hint?: string;
}) {
  const form = useContext(FormContext);
  form?.labels.set(props.name, props.label);
  const message = props.error ?? form?.state.fields?.[props.name];
  const error = message ? fieldSentence(props.label, message) : undefined;
  const id = `field-${props.name}`;
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.hint ? <p className="mt-1 text-xs text-slate-500">{props.hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A form's submit button that shows the work in progress: disabled, a spinner and `pendingLabel`
 * while its form's action runs (an ActionForm's, or a plain form action's; or while `pending`, for
 * forms that track their own action). Disabled, it cannot submit twice.
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
  const form = useContext(FormContext);
  const pending = props.pending ?? (form?.pending || status.pending);
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

/** Closes the dialog once its form's action has finished (the page shows the outcome as a toast). */
function CloseWhenDone({ dialog }: { dialog: RefObject<HTMLDialogElement | null> }) {
  const { pending } = useFormStatus();
  const was = useRef(false);
  useEffect(() => {
    if (was.current && !pending) dialog.current?.close();
    was.current = pending;
  }, [pending, dialog]);
  return null;
}

/**
 * A destructive action that asks first. Put it inside the form whose action does the deed: the
 * trigger opens a modal <dialog> naming the object ("Remove Jane Doe from Acme?"); focus moves into
 * it (to `fields` if any, else to Cancel), Escape or Cancel closes it and nothing happens; the
 * confirm button submits the form and stays pending until the action answers.
 */
export function ConfirmButton(props: {
  /** The trigger's words ("Remove"). */
  children: ReactNode;
  /** The question, naming the object. */
  title: string;
  description?: ReactNode;
  /** Inputs the action needs, asked in the dialog (a reason). */
  fields?: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  trigger?: "link" | ButtonVariant;
  size?: "md" | "sm";
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const trigger = props.trigger ?? "link";
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className={trigger === "link" ? "text-xs text-rose-700 underline" : buttonClass(trigger, props.size)}
      >
        {props.children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={props.description ? `${id}-description` : undefined}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-left text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id={`${id}-title`} className="break-words text-base font-semibold">
            {props.title}
          </h2>
          {props.description ? (
            <div id={`${id}-description`} className="mt-2 text-sm text-slate-600">
              {props.description}
            </div>
          ) : null}
          {props.fields ? <div className="mt-4">{props.fields}</div> : null}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <SubmitButton variant="danger" pendingLabel={props.pendingLabel}>
              {props.confirmLabel}
            </SubmitButton>
          </div>
        </div>
        <CloseWhenDone dialog={dialog} />
      </dialog>
    </>
  );
}

"use client";
import { type FormEvent, useState, useTransition } from "react";
import { Alert } from "./index";

export type SaveResult = { ok: true } | { error: string };

interface EventRow {
  event: string;
  label: string;
  group: string;
  mandatoryWhy: string | null;
}
interface Choice {
  event: string;
  channel: string;
  enabled: boolean;
  mandatory: boolean;
}

const key = (event: string, channel: string) => `${event}:${channel}`;

/**
 * Events (grouped, in words) × channels, one checkbox each. A mandatory event is shown on and
 * locked, with why. Saving keeps every box as it is, whether it worked or not.
 */
export function NotificationSettingsForm(props: {
  events: EventRow[];
  channels: { channel: string; label: string }[];
  choices: Choice[];
  save(items: { event: string; channel: string; enabled: boolean }[]): Promise<SaveResult>;
}) {
  const [checked, setChecked] = useState(() => new Map(props.choices.map((c) => [key(c.event, c.channel), c.enabled])));
  const [result, setResult] = useState<SaveResult | null>(null);
  const [saving, startSaving] = useTransition();
  const groups = [...new Set(props.events.map((e) => e.group))];
  // A literal class (Tailwind reads classes from the source): the platform has five channels.
  const columns = "md:grid-cols-[minmax(0,1fr)_repeat(5,5.5rem)]";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    startSaving(async () => {
      setResult(null);
      const items = props.events
        .filter((ev) => !ev.mandatoryWhy)
        .flatMap((ev) =>
          props.channels.map((c) => ({
            event: ev.event,
            channel: c.channel,
            enabled: checked.get(key(ev.event, c.channel)) ?? false,
          })),
        );
      try {
        setResult(await props.save(items));
      } catch {
        setResult({ error: "The connection failed" });
      }
    });
  };

  return (
    <form onSubmit={submit} className="max-w-4xl" aria-label="Notification settings">
      {result && "ok" in result ? (
        <Alert kind="success">Saved. Your choices apply from the next notification.</Alert>
      ) : null}
      {result && "error" in result ? (
        <Alert kind="error">
          Your settings were not saved: {result.error}. Your choices are still here; save again.
        </Alert>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white">
        {/* Column heads on wide screens; on a phone each checkbox carries its channel's name. */}
        <div
          className={`hidden gap-2 border-b border-slate-200 px-4 py-2.5 text-xs font-medium text-slate-500 md:grid ${columns}`}
          aria-hidden="true"
        >
          <span>Event</span>
          {props.channels.map((c) => (
            <span key={c.channel} className="text-center">
              {c.label}
            </span>
          ))}
        </div>
        {groups.map((group) => (
          <section key={group} aria-label={group} className="border-b border-slate-100 last:border-b-0">
            <h2 className="bg-slate-50 px-4 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
              {group}
            </h2>
            {props.events
              .filter((ev) => ev.group === group)
              .map((ev) => (
                <div
                  key={ev.event}
                  data-testid={`event-${ev.event}`}
                  className={`grid grid-cols-1 gap-2 border-t border-slate-100 px-4 py-3 first-of-type:border-t-0 md:items-center ${columns}`}
                >
                  <div className="min-w-0 text-sm">
                    <div className="font-medium text-slate-800">{ev.label}</div>
                    {ev.mandatoryWhy ? <div className="mt-0.5 text-xs text-slate-500">{ev.mandatoryWhy}</div> : null}
                  </div>
                  <div className="flex flex-wrap gap-x-4 gap-y-2 md:contents">
                    {props.channels.map((c) => {
                      const k = key(ev.event, c.channel);
                      return (
                        <label key={k} className="flex items-center gap-1.5 text-xs text-slate-700 md:justify-center">
                          <input
                            type="checkbox"
                            className="size-4 rounded border-slate-300 accent-indigo-600 disabled:opacity-60"
                            checked={checked.get(k) ?? false}
                            disabled={Boolean(ev.mandatoryWhy) || saving}
                            aria-label={`${ev.label}: ${c.label}`}
                            onChange={(e) => {
                              const on = e.currentTarget.checked;
                              setChecked((prev) => new Map(prev).set(k, on));
                              setResult(null);
                            }}
                          />
                          <span className="md:sr-only">{c.label}</span>
                        </label>
                      );
                    })}
                  </div>
                </div>
              ))}
          </section>
        ))}
      </div>
      <div className="mt-4 flex items-center gap-3">
        <button
          type="submit"
          disabled={saving}
          className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:opacity-50"
        >
          {saving ? "Saving…" : "Save settings"}
        </button>
        <p className="text-xs text-slate-500">Locked boxes are always sent.</p>
      </div>
    </form>
  );
}

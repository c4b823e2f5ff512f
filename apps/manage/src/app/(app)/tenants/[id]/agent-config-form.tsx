"use client";
import {
  ADAPTER_CATALOG,
  ADAPTER_NAMES,
  type AdapterName,
  type AgentRole,
  agentConfigFields,
  agentRoleLabel,
} from "@leadmetrics/catalog";
import { SubmitButton } from "@leadmetrics/ui/forms";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { saveAgentConfig } from "./actions";

export interface AgentConfigRow {
  role: AgentRole;
  adapter: AdapterName;
  model: string;
  temperature: number;
  enabled: boolean;
  configured: boolean;
}

const labelClass = "block text-sm font-medium text-slate-700";
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

/**
 * One role's configuration, showing only the fields the role uses on the chosen adapter (the
 * catalogue's `agentConfigFields`): the publisher calls no model; the offline adapter takes no model.
 */
export function AgentConfigForm({ tenantId, config }: { tenantId: string; config: AgentConfigRow }) {
  const [state, action, pending] = useActionState(saveAgentConfig, {});
  const [adapter, setAdapter] = useState<AdapterName>(config.adapter);
  const uses = agentConfigFields(config.role, adapter);
  const label = agentRoleLabel(config.role);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => action(data));
  };
  const fields = state.fields ?? {};
  const id = (name: string) => `${config.role}-${name}`;
  return (
    <li className="border-b border-slate-100 py-4 first:pt-0 last:border-b-0 last:pb-0">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-medium">{label}</h3>
        <span className="text-xs text-slate-500">{config.configured ? "Set for this tenant" : "Platform default"}</span>
      </div>
      {!uses.adapter ? (
        <p className="text-sm text-slate-600">Calls no model: nothing to configure.</p>
      ) : (
        <form action={action} onSubmit={submit} aria-label={`${label} configuration`} className="space-y-3">
          <input type="hidden" name="tenantId" value={tenantId} />
          <input type="hidden" name="role" value={config.role} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
            <div>
              <label htmlFor={id("adapter")} className={labelClass}>
                Adapter
              </label>
              <select
                id={id("adapter")}
                name="adapter"
                value={adapter}
                onChange={(e) => setAdapter(e.target.value as AdapterName)}
                className={input}
              >
                {ADAPTER_NAMES.map((a) => (
                  <option key={a} value={a}>
                    {ADAPTER_CATALOG[a].label}
                  </option>
                ))}
              </select>
            </div>
            {uses.model ? (
              <div>
                <label htmlFor={id("model")} className={labelClass}>
                  Model
                </label>
                <input
                  id={id("model")}
                  name="model"
                  defaultValue={config.model === "offline" ? "" : config.model}
                  required
                  aria-invalid={fields.model ? true : undefined}
                  className={input}
                />
                {fields.model ? <span className="mt-1 block text-xs text-rose-700">{fields.model}</span> : null}
              </div>
            ) : (
              // The adapter takes no model: the stored name stays as it is.
              <input type="hidden" name="model" value={config.model || "offline"} />
            )}
            {uses.temperature ? (
              <div>
                <label htmlFor={id("temperature")} className={labelClass}>
                  Temperature
                </label>
                <input
                  id={id("temperature")}
                  name="temperature"
                  type="number"
                  step="0.1"
                  min="0"
                  max="2"
                  defaultValue={config.temperature}
                  className={input}
                />
                {fields.temperature ? (
                  <span className="mt-1 block text-xs text-rose-700">{fields.temperature}</span>
                ) : null}
              </div>
            ) : (
              <input type="hidden" name="temperature" value={config.temperature} />
            )}
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="enabled" defaultChecked={config.enabled} /> Enabled
            </label>
            <SubmitButton size="sm" variant="secondary" pending={pending} pendingLabel="Saving…">
              Save
            </SubmitButton>
            {state.ok ? (
              <span role="status" className="text-xs text-emerald-700">
                {state.ok}
              </span>
            ) : null}
            {state.error && Object.keys(fields).length === 0 ? (
              <span role="alert" className="text-xs text-rose-700">
                {state.error}
              </span>
            ) : null}
          </div>
        </form>
      )}
    </li>
  );
}

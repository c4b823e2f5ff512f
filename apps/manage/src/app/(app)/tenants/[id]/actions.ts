"use server";
import type { AdapterName, AgentRole } from "@leadmetrics/catalog";
import { type FormState, formError, serverApi } from "@leadmetrics/ui/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/** Grant credits; the answer says what the grant resumed. The page re-reads the balance and ledger. */
export async function grantCredits(_prev: FormState, formData: FormData): Promise<FormState> {
  const tenantId = text(formData, "tenantId");
  const raw = text(formData, "amount").trim();
  const api = await serverApi("manage");
  const res = await api.POST("/admin/v1/credits/grants", {
    // An empty or unreadable amount goes as 0: the API's sentence for it is the one shown.
    body: { tenantId, amount: raw === "" || Number.isNaN(Number(raw)) ? 0 : Number(raw), note: text(formData, "note") },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath(`/tenants/${tenantId}`);
  const resumed = res.data.resumedJobs;
  return {
    ok: `Credits granted.${resumed > 0 ? ` ${resumed} ${resumed === 1 ? "job that was" : "jobs that were"} waiting for credits ${resumed === 1 ? "is" : "are"} running again.` : ""}`,
  };
}

/** Suspend (with the reason the audit log keeps) or reactivate. */
export async function setTenantStatus(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, "tenantId");
  const api = await serverApi("manage");
  const path = { params: { path: { id } } };
  const res =
    text(formData, "action") === "suspend"
      ? await api.POST("/admin/v1/tenants/{id}/suspend", { ...path, body: { reason: text(formData, "reason") } })
      : await api.POST("/admin/v1/tenants/{id}/reactivate", path);
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath(`/tenants/${id}`);
  return { ok: res.data.status === "suspended" ? "Tenant suspended." : "Tenant reactivated." };
}

/** One role's agent configuration; the fields the role does not use are sent as they were. */
export async function saveAgentConfig(_prev: FormState, formData: FormData): Promise<FormState> {
  const id = text(formData, "tenantId");
  const role = text(formData, "role") as AgentRole;
  const api = await serverApi("manage");
  const res = await api.PUT("/admin/v1/tenants/{id}/agent-configs/{role}", {
    params: { path: { id, role } },
    body: {
      adapter: text(formData, "adapter") as AdapterName,
      model: text(formData, "model"),
      temperature: Number(text(formData, "temperature") || 0.7),
      enabled: formData.get("enabled") === "on",
    },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath(`/tenants/${id}`);
  return { ok: "Saved." };
}

"use server";
import { channelKindLabel } from "@leadmetrics/catalog";
import { type FormState, flash, formError, serverApi } from "@leadmetrics/ui/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/** The connect form's answer: the site's refusal with the field it is about, or what the site said. */
export async function connectWordPress(_prev: FormState, formData: FormData): Promise<FormState> {
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/channels/wordpress", {
    body: {
      name: String(formData.get("name") ?? ""),
      siteUrl: String(formData.get("siteUrl") ?? ""),
      username: String(formData.get("username") ?? ""),
      applicationPassword: String(formData.get("applicationPassword") ?? ""),
    },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath("/channels");
  const c = res.data;
  const who = c.accountName
    ? ` as ${c.accountName}${c.accountRoles.length ? ` (${c.accountRoles.join(", ")})` : ""}`
    : "";
  return { ok: `Connected to ${c.siteName ?? c.siteUrl}${who}. The password is stored encrypted.` };
}

/** "Test connection": the answer is the channel's new health, shown in the list. */
export async function testConnection(formData: FormData): Promise<void> {
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/channels/{id}/test", {
    params: { path: { id: String(formData.get("id")) } },
  });
  if (res.error) {
    await flash("error", formError(res.error).error!);
    redirect("/channels");
  }
  revalidatePath("/channels");
}

export async function removeChannel(formData: FormData): Promise<void> {
  const api = await serverApi("dashboard");
  const name = String(formData.get("name"));
  const res = await api.DELETE("/tenant/v1/channels/{id}", { params: { path: { id: String(formData.get("id")) } } });
  if (res.error) await flash("error", `${name} was not removed: ${formError(res.error).error}`);
  else await flash("success", `${name} was removed. Nothing more is published there.`);
  redirect("/channels");
}

/** The picker's choice: connects that account and goes back to Channels, saying so. */
export async function selectAccount(formData: FormData): Promise<void> {
  const connectionId = String(formData.get("connectionId"));
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/channels/connections/{id}/select", {
    params: { path: { id: connectionId } },
    body: { externalId: String(formData.get("externalId")) },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) {
    await flash("error", `Not connected: ${formError(res.error).error}`);
    redirect(res.response.status === 404 ? "/channels" : `/channels/connect/${connectionId}`);
  }
  await flash(
    "success",
    `${res.data.name} on ${channelKindLabel(res.data.kind)} is connected. Choose it for posts in a plan or on an activity.`,
  );
  revalidatePath("/channels");
  redirect("/channels");
}

"use server";
import { type FormState, flash, formError, serverApi } from "@leadmetrics/ui/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

const ROLE_WORDS = { owner: "an owner", admin: "an admin", member: "a member" } as const;
const roleOf = (raw: FormDataEntryValue | null) => (raw === "admin" || raw === "owner" ? raw : "member");

/** Invite: a refusal stays on the form, beside the field it is about; a success is a toast. */
export async function inviteMember(_previous: FormState, formData: FormData): Promise<FormState> {
  const api = await serverApi("dashboard");
  const name = String(formData.get("name") ?? "");
  const email = String(formData.get("email") ?? "");
  const res = await api.POST("/tenant/v1/members", { body: { email, name, role: roleOf(formData.get("role")) } });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath("/team");
  return { ok: `Invitation sent to ${name} (${email}).` };
}

export async function changeRole(formData: FormData): Promise<void> {
  const api = await serverApi("dashboard");
  const role = roleOf(formData.get("role"));
  const name = String(formData.get("name"));
  const res = await api.PATCH("/tenant/v1/members/{userId}", {
    params: { path: { userId: String(formData.get("userId")) } },
    body: { role },
  });
  if (res.error) await flash("error", `${name}'s role was not changed: ${formError(res.error).error}`);
  else await flash("success", `${name} is now ${ROLE_WORDS[role]}.`);
  redirect("/team");
}

export async function removeMember(formData: FormData): Promise<void> {
  const api = await serverApi("dashboard");
  const name = String(formData.get("name"));
  const res = await api.DELETE("/tenant/v1/members/{userId}", {
    params: { path: { userId: String(formData.get("userId")) } },
  });
  if (res.error) await flash("error", `${name} was not removed: ${formError(res.error).error}`);
  else await flash("success", `${name} was removed from the workspace.`);
  redirect("/team");
}

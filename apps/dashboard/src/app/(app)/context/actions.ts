"use server";
import { type FormState, formError, serverApi } from "@leadmetrics/ui/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/** Saves a new version of the client context; the form keeps what was typed either way. */
export async function saveContext(_previous: FormState, formData: FormData): Promise<FormState> {
  const api = await serverApi("dashboard");
  const res = await api.PUT("/tenant/v1/client-context", {
    body: {
      brandVoice: String(formData.get("brandVoice") ?? ""),
      audience: String(formData.get("audience") ?? ""),
      products: String(formData.get("products") ?? ""),
    },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return formError(res.error);
  revalidatePath("/context");
  return { ok: `Saved as version ${res.data.version}. The next drafts use it.` };
}

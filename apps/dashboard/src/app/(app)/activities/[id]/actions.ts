"use server";
import { channelKindLabel } from "@leadmetrics/catalog";
import { flash, formError, serverApi } from "@leadmetrics/ui/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

/** "Publishing to": the account or site chosen and, for a social post, the images ticked. */
export async function choosePublishing(formData: FormData): Promise<void> {
  const id = String(formData.get("id"));
  const channelId = String(formData.get("channelId") ?? "") || null;
  const withImages = formData.get("images") === "on";
  const api = await serverApi("dashboard");
  const res = await api.PUT("/tenant/v1/activities/{id}/publishing", {
    params: { path: { id } },
    body: { channelId, ...(withImages ? { mediaIds: formData.getAll("mediaId").map(String) } : {}) },
  });
  if (res.response.status === 401) redirect("/login");
  if (res.error) await flash("error", `Not changed: ${formError(res.error).error}`);
  else {
    const c = res.data.publishTo.channel;
    const images = res.data.mediaIds.length;
    await flash(
      "success",
      `${c ? `It goes to ${c.name} (${channelKindLabel(c.kind)})` : "Saved"}${withImages ? ` with ${images === 0 ? "no image" : images === 1 ? "1 image" : `${images} images`}` : ""}.`,
    );
  }
  revalidatePath(`/activities/${id}`);
  redirect(`/activities/${id}`);
}

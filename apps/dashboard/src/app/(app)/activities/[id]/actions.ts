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

/**
 * "Add an image": puts the file in the media library and adds it to this social post's images,
 * after the ones it already carries. The library refuses what is not an image, in words.
 */
export async function addImage(formData: FormData): Promise<void> {
  const id = String(formData.get("id"));
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) {
    await flash("error", "Choose an image file to add.");
    redirect(`/activities/${id}`);
  }
  const api = await serverApi("dashboard");
  const upload = new FormData();
  upload.append("file", file, file.name);
  const stored = await api.POST("/tenant/v1/media", {
    // The multipart body goes as it is: openapi-fetch would serialise it as JSON.
    body: upload as never,
    bodySerializer: (body) => body as unknown as FormData,
  });
  if (stored.response.status === 401) redirect("/login");
  if (stored.error || !stored.data.items[0]) {
    await flash("error", `Not added: ${stored.error ? formError(stored.error).error : "the file was not stored"}`);
    redirect(`/activities/${id}`);
  }
  const current = formData.getAll("current").map(String);
  const res = await api.PUT("/tenant/v1/activities/{id}/publishing", {
    params: { path: { id } },
    body: { mediaIds: [...current, stored.data.items[0].id] },
  });
  if (res.error)
    await flash("error", `Stored in the media library, but not added to this post: ${formError(res.error).error}`);
  else await flash("success", `${stored.data.items[0].filename} is added to the post.`);
  revalidatePath(`/activities/${id}`);
  redirect(`/activities/${id}`);
}

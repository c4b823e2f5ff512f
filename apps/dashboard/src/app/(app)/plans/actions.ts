"use server";
import { DELIVERABLE_TYPES } from "@leadmetrics/catalog";
import { type FormState, flash, formError, serverApi } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

/** The plan form's fields as the API's body. */
function planBody(formData: FormData) {
  return {
    name: String(formData.get("name") ?? ""),
    cadence: formData.get("cadence") === "monthly" ? ("monthly" as const) : ("weekly" as const),
    startDate: String(formData.get("startDate") ?? ""),
    periodCount: Number(formData.get("periodCount") || 1),
    items: DELIVERABLE_TYPES.map((type) => {
      const channelId = String(formData.get(`channel_${type}`) ?? "");
      return {
        deliverableType: type,
        quantity: Number(formData.get(`qty_${type}`) || 0),
        ...(channelId ? { channelId } : {}),
      };
    }).filter((i) => i.quantity > 0),
  };
}

/** The API's answer for the form: any problem with one of the quantities is the quantities' problem. */
function planFormError(error: unknown): FormState {
  const state = formError(error);
  const fields: Record<string, string> = {};
  for (const [path, message] of Object.entries(state.fields ?? {})) {
    const name = path.startsWith("items") ? "items" : path;
    fields[name] ??= message;
  }
  return { ...state, fields };
}

const NO_ITEMS: FormState = {
  error: "Choose at least one deliverable",
  fields: { items: "Choose at least one deliverable: set a number above 0." },
};

export async function createPlan(_previous: FormState, formData: FormData): Promise<FormState> {
  const body = planBody(formData);
  if (body.items.length === 0) return NO_ITEMS;
  const api = await serverApi("dashboard");
  const res = await api.POST("/tenant/v1/plans", { body });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return planFormError(res.error);
  await flash("success", `Draft plan “${res.data.name}” created. Submit it for approval when it looks right.`);
  redirect(`/plans/${res.data.id}`);
}

export async function updatePlan(_previous: FormState, formData: FormData): Promise<FormState> {
  const id = String(formData.get("id"));
  const body = planBody(formData);
  if (body.items.length === 0) return NO_ITEMS;
  const api = await serverApi("dashboard");
  const res = await api.PATCH("/tenant/v1/plans/{id}", { params: { path: { id } }, body });
  if (res.response.status === 401) redirect("/login");
  if (res.error) return planFormError(res.error);
  await flash("success", "Changes saved.");
  redirect(`/plans/${id}`);
}

const DONE = {
  submit: "Submitted for approval.",
  approve: "Plan approved: its activities are being planned and the first drafts start shortly.",
  reject: "Plan rejected. Change it and submit it again when it is ready.",
} as const;
const FAILED = { submit: "not submitted", approve: "not approved", reject: "not rejected" } as const;

/** A plan's decision buttons: each outcome is a toast on the page that follows. */
export async function movePlan(formData: FormData): Promise<void> {
  const id = String(formData.get("id"));
  const action = String(formData.get("action"));
  if (action !== "submit" && action !== "approve" && action !== "reject") redirect(`/plans/${id}`);
  const api = await serverApi("dashboard");
  const path = { params: { path: { id } } };
  const res =
    action === "submit"
      ? await api.POST("/tenant/v1/plans/{id}/submit", path)
      : action === "approve"
        ? await api.POST("/tenant/v1/plans/{id}/approve", {
            ...path,
            body: { acceptShortfall: formData.get("acceptShortfall") === "on" },
          })
        : await api.POST("/tenant/v1/plans/{id}/reject", {
            ...path,
            body: { reason: String(formData.get("reason") ?? "") },
          });
  if (res.response.status === 401) redirect("/login");
  if (res.error) {
    await flash("error", `The plan was ${FAILED[action]}: ${formError(res.error).error}`);
    redirect(`/plans/${id}`);
  }
  await flash("success", DONE[action]);
  redirect(action === "approve" ? `/activities?plan=${id}` : `/plans/${id}`);
}

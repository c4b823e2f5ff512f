import {
  channelKindLabel,
  channelServes,
  DELIVERABLE_TYPES,
  deliverableTypePluralLabel,
  publishTargetOf,
} from "@leadmetrics/catalog";
import { ActionForm, FormField, FormFieldset, FormSelect, SubmitButton } from "@leadmetrics/ui/forms";
import { createPlan, updatePlan } from "./actions";

type PlanValues = {
  id: string;
  name: string;
  cadence: "weekly" | "monthly";
  startDate: string;
  periodCount: number;
  items: { deliverableType: string; quantity: number; channelId?: string | null }[];
};

/** A connected channel as the form offers it. */
export type PlanChannel = { id: string; kind: string; name: string };

/** What leaving the choice empty means: the API's rule (`findPublishingChannel`), in words. */
const FIRST_OF_KIND = { wordpress: "The first connected site", social: "The first connected account of its network" };

/** The next Monday (UTC), a new plan's first day unless the client picks another. */
function nextMonday(): string {
  const monday = new Date();
  monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
  return monday.toISOString().slice(0, 10);
}

/**
 * A plan's form: new (no `plan`) or its changes while it is a draft. A refusal keeps what was
 * typed and puts each message under its field; a success opens the plan with a toast.
 */
export function PlanForm({ plan, channels }: { plan?: PlanValues; channels: PlanChannel[] }) {
  const quantity = (type: string) =>
    plan
      ? plan.items.filter((i) => i.deliverableType === type).reduce((n, i) => n + i.quantity, 0)
      : type === "blog_post"
        ? 1
        : 0;
  return (
    <ActionForm action={plan ? updatePlan : createPlan} label={plan ? "Change the plan" : "New plan"} keepOnSuccess>
      {plan ? <input type="hidden" name="id" value={plan.id} /> : null}
      <FormField label="Name" name="name" required defaultValue={plan?.name ?? ""} />
      <FormSelect
        label="Cadence"
        name="cadence"
        defaultValue={plan?.cadence ?? "weekly"}
        options={[
          { value: "weekly", label: "Weekly" },
          { value: "monthly", label: "Monthly" },
        ]}
      />
      <FormField
        label="Starts on"
        name="startDate"
        type="date"
        required
        defaultValue={plan?.startDate ?? nextMonday()}
      />
      <FormField
        label="Number of periods"
        name="periodCount"
        type="number"
        min={1}
        defaultValue={plan?.periodCount ?? 1}
        required
      />
      <FormFieldset
        legend="Per period"
        name="items"
        hint="How many of each, and where they are published (change it later on each activity, until it is approved)."
      >
        {DELIVERABLE_TYPES.map((type) => {
          const target = publishTargetOf(type);
          const options = target === "app" ? [] : channels.filter((c) => channelServes(target, c.kind));
          const chosen = plan?.items.find((i) => i.deliverableType === type && i.channelId)?.channelId ?? "";
          return (
            <div key={type} className={options.length ? "grid grid-cols-1 gap-x-3 sm:grid-cols-[8rem_1fr]" : ""}>
              <FormField
                label={deliverableTypePluralLabel(type)}
                name={`qty_${type}`}
                type="number"
                min={0}
                defaultValue={quantity(type)}
              />
              {options.length && target !== "app" ? (
                <FormSelect
                  label={target === "social" ? "Account" : "Site"}
                  name={`channel_${type}`}
                  defaultValue={chosen}
                  options={[
                    { value: "", label: FIRST_OF_KIND[target] },
                    ...options.map((c) => ({ value: c.id, label: `${c.name} (${channelKindLabel(c.kind)})` })),
                  ]}
                />
              ) : null}
            </div>
          );
        })}
      </FormFieldset>
      <SubmitButton pendingLabel={plan ? "Saving…" : "Creating…"}>
        {plan ? "Save changes" : "Create draft plan"}
      </SubmitButton>
    </ActionForm>
  );
}

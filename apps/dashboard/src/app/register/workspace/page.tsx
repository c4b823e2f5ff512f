import { ActionForm, FormField, FormSelect, SubmitButton } from "@leadmetrics/ui/forms";
import { SignedOutCard } from "@leadmetrics/ui/portal";
import { completeRegistration, type FormState, hasRegistration } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Name your workspace" };

async function complete(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const failed = await completeRegistration({
    workspaceName: String(formData.get("workspaceName") ?? ""),
    timezone: String(formData.get("timezone") || "UTC"),
  });
  if (failed) return failed;
  redirect("/activities?welcome=1");
}

/** Sign-up, step 2 of 2: the workspace. */
export default async function WorkspacePage() {
  if (!(await hasRegistration())) redirect("/register");
  const zones = Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC");
  return (
    <SignedOutCard
      title="Name your workspace"
      intro="Step 2 of 2: the business whose marketing we produce. You can invite your team afterwards."
    >
      <ActionForm action={complete} label="Name your workspace">
        <FormField label="Workspace name" name="workspaceName" required hint="Usually the company's name." />
        <FormSelect
          label="Time zone"
          name="timezone"
          defaultValue="UTC"
          hint="Dates and times in your workspace are shown in this zone."
          options={[{ value: "UTC", label: "UTC" }, ...zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") }))]}
        />
        <SubmitButton pendingLabel="Creating your workspace…">Create my workspace</SubmitButton>
      </ActionForm>
    </SignedOutCard>
  );
}

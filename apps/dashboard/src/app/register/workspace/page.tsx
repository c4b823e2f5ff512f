import { Alert, Button, Field } from "@leadmetrics/ui";
import { SignedOutCard } from "@leadmetrics/ui/portal";
import { completeRegistration, errorSentence, hasRegistration } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Name your workspace" };

async function complete(formData: FormData) {
  "use server";
  const failed = await completeRegistration({
    workspaceName: String(formData.get("workspaceName") ?? ""),
    timezone: String(formData.get("timezone") || "UTC"),
  });
  if (failed)
    redirect(
      `/register/workspace?error=${encodeURIComponent(errorSentence(failed, { workspaceName: "Workspace name" }))}`,
    );
  redirect("/activities?welcome=1");
}

/** Sign-up, step 2 of 2: the workspace. */
export default async function WorkspacePage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  if (!(await hasRegistration())) redirect("/register");
  const zones = Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC");
  return (
    <SignedOutCard
      title="Name your workspace"
      intro="Step 2 of 2: the business whose marketing we produce. You can invite your team afterwards."
    >
      <form action={complete}>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <Field label="Workspace name" name="workspaceName" required hint="Usually the company's name." />
        <label className="mb-4 block text-sm font-medium text-slate-700">
          Time zone
          <select
            name="timezone"
            defaultValue="UTC"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="UTC">UTC</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replace(/_/g, " ")}
              </option>
            ))}
          </select>
        </label>
        <Button>Create my workspace</Button>
      </form>
    </SignedOutCard>
  );
}

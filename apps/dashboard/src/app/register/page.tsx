import { ActionForm, FormField, SubmitButton } from "@leadmetrics/ui/forms";
import { SignedOutCard } from "@leadmetrics/ui/portal";
import { type FormState, startRegistration } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Create a workspace" };

async function register(_previous: FormState, formData: FormData): Promise<FormState> {
  "use server";
  const password = String(formData.get("password") ?? "");
  if (password !== String(formData.get("confirm") ?? ""))
    return {
      error: "The two passwords differ",
      fields: { confirm: "The two passwords differ: type the same one twice." },
    };
  const failed = await startRegistration({
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password,
  });
  if (failed) return failed;
  redirect("/register/workspace");
}

/** Sign-up, step 1 of 2: the person. */
export default function RegisterPage() {
  return (
    <SignedOutCard
      title="Create your workspace"
      intro="Step 1 of 2: you. Your plans, drafts and results live in a workspace of your own."
    >
      <ActionForm action={register} label="Create your workspace">
        <FormField label="Your name" name="name" required />
        <FormField label="Work email" name="email" type="email" required />
        <FormField label="Password" name="password" type="password" required hint="At least 10 characters." />
        <FormField label="The same password again" name="confirm" type="password" required />
        <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
      </ActionForm>
      <p className="mt-4 text-sm">
        Already have an account?{" "}
        <a className="text-indigo-700 hover:underline" href="/login">
          Sign in
        </a>
      </p>
    </SignedOutCard>
  );
}

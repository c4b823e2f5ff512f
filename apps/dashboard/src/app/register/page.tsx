import { Alert, Button, Field } from "@leadmetrics/ui";
import { SignedOutCard } from "@leadmetrics/ui/portal";
import { errorSentence, startRegistration } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Create a workspace" };

async function register(formData: FormData) {
  "use server";
  const password = String(formData.get("password") ?? "");
  if (password !== String(formData.get("confirm") ?? ""))
    redirect(`/register?error=${encodeURIComponent("The two passwords differ: type the same one twice.")}`);
  const failed = await startRegistration({
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password,
  });
  if (failed) redirect(`/register?error=${encodeURIComponent(errorSentence(failed))}`);
  redirect("/register/workspace");
}

/** Sign-up, step 1 of 2: the person. */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <SignedOutCard
      title="Create your workspace"
      intro="Step 1 of 2: you. Your plans, drafts and results live in a workspace of your own."
    >
      <form action={register}>
        {error ? <Alert kind="error">{error}</Alert> : null}
        <Field label="Your name" name="name" required />
        <Field label="Work email" name="email" type="email" required />
        <Field label="Password" name="password" type="password" required hint="At least 10 characters." />
        <Field label="The same password again" name="confirm" type="password" required />
        <Button>Continue</Button>
      </form>
      <p className="mt-4 text-sm">
        Already have an account?{" "}
        <a className="text-indigo-700 hover:underline" href="/login">
          Sign in
        </a>
      </p>
    </SignedOutCard>
  );
}

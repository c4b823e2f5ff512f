import { Alert, Button, Field } from "@leadmetrics/ui";
import { signIn } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";

export const metadata = { title: "Sign in" };

async function login(formData: FormData) {
  "use server";
  const next = String(formData.get("next") || "/activities");
  const failed = await signIn("dashboard", String(formData.get("email") ?? ""), String(formData.get("password") ?? ""));
  if (failed) redirect(`/login?error=${encodeURIComponent(failed.error ?? "Sign-in failed")}&next=${encodeURIComponent(next)}`);
  redirect(next.startsWith("/") && !next.startsWith("//") ? next : "/activities");
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ error?: string; next?: string; reason?: string }> }) {
  const { error, next, reason } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 p-6">
      <form action={login} className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">Sign in to Leadmetrics</h1>
        <p className="mb-6 text-sm text-slate-600">Your workspace: plans, drafts to approve, results.</p>
        {error ? <Alert kind="error">{error}</Alert> : null}
        {reason === "session_ended" ? <Alert>Your session ended; please sign in again.</Alert> : null}
        <input type="hidden" name="next" value={next ?? "/activities"} />
        <Field label="Email" name="email" type="email" required />
        <Field label="Password" name="password" type="password" required />
        <Button>Sign in</Button>
      </form>
    </main>
  );
}

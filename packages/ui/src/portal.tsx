import { createApiClient } from "@leadmetrics/api-client";
import type { Portal } from "@leadmetrics/auth/edge";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import type { FormState } from "./form-state";
import { ActionForm, FormField, SubmitButton } from "./forms";
import { Alert, AppShell, type NavItem } from "./index";
import { LiveBell } from "./live";
import {
  apiUrl,
  clientAddressHeaders,
  currentAccount,
  currentWorkspace,
  formError,
  publicApiUrl,
  readFlash,
  serverApi,
  signIn,
  signOut,
  supportEmail,
  unwrap,
} from "./server";
import { StatePanel } from "./states";
import { Toaster } from "./toaster";

type LoginProps = { searchParams: Promise<{ next?: string; reason?: string }> };

/** Each portal's sign-in page: the same form, its own cookies and home page. */
export function createLoginPage(
  portal: Portal,
  opts: { title: string; tagline: string; home: string; signUp?: boolean },
) {
  async function login(_previous: FormState, formData: FormData): Promise<FormState> {
    "use server";
    const next = String(formData.get("next") || opts.home);
    const failed = await signIn(portal, String(formData.get("email") ?? ""), String(formData.get("password") ?? ""));
    if (failed) return failed;
    // Only same-site paths: never an open redirect.
    redirect(next.startsWith("/") && !next.startsWith("//") ? next : opts.home);
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function LoginPage({ searchParams }: LoginProps) {
    const { next, reason } = await searchParams;
    return (
      <SignedOutCard title={opts.title} intro={opts.tagline}>
        {reason === "session_ended" ? <Alert>Your session ended; please sign in again.</Alert> : null}
        {reason === "no_access" ? <Alert kind="error">This account cannot use this portal.</Alert> : null}
        {reason === "password_reset" ? (
          <Alert kind="success">Your password is changed: sign in with the new one.</Alert>
        ) : null}
        {reason === "invite_accepted" ? (
          <Alert kind="success">Your account is ready: sign in with the password you chose.</Alert>
        ) : null}
        <ActionForm action={login} label="Sign in">
          <input type="hidden" name="next" value={next ?? opts.home} />
          <FormField label="Email" name="email" type="email" required />
          <FormField label="Password" name="password" type="password" required />
          <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
        </ActionForm>
        <p className="mt-4 flex justify-between text-sm">
          <a className="text-indigo-700 hover:underline" href="/forgot-password">
            Forgot your password?
          </a>
          {opts.signUp ? (
            <a className="text-indigo-700 hover:underline" href="/register">
              Create a workspace
            </a>
          ) : null}
        </p>
      </SignedOutCard>
    );
  };
}

/** The narrow card the signed-out pages share. */
export function SignedOutCard(props: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-50 p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="mb-1 text-xl font-semibold">{props.title}</h1>
        {props.intro ? <p className="mb-6 text-sm text-slate-600">{props.intro}</p> : null}
        {props.children}
      </div>
      <Toaster />
    </main>
  );
}

/** "Forgot your password?": asks for the address, and answers the same whether an account exists or not. */
export function createForgotPasswordPage() {
  async function requestLink(_previous: FormState, formData: FormData): Promise<FormState> {
    "use server";
    const api = createApiClient({ baseUrl: apiUrl() });
    const res = await api.POST("/auth/v1/forgot-password", {
      body: { email: String(formData.get("email") ?? "") },
      headers: await clientAddressHeaders(),
    });
    if (res.error) return formError(res.error);
    redirect("/forgot-password?sent=1");
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ sent?: string }> }) {
    const { sent } = await searchParams;
    return (
      <SignedOutCard
        title="Choose a new password"
        intro="We email you a link to choose a new password. It works once, for 30 minutes."
      >
        {sent ? (
          <Alert kind="success">If an account exists for that address, the link is on its way. Check your inbox.</Alert>
        ) : (
          <ActionForm action={requestLink} label="Forgot your password">
            <FormField label="Email" name="email" type="email" required />
            <SubmitButton pendingLabel="Sending…">Email me a link</SubmitButton>
          </ActionForm>
        )}
        <p className="mt-4 text-sm">
          <a className="text-indigo-700 hover:underline" href="/login">
            Back to sign in
          </a>
        </p>
      </SignedOutCard>
    );
  };
}

/**
 * The page an emailed single-use link opens (password reset or invitation): the person
 * chooses a password (typed twice), then signs in with it.
 */
export function createTokenPasswordPage(kind: "reset" | "invite") {
  async function choosePassword(_previous: FormState, formData: FormData): Promise<FormState> {
    "use server";
    const token = String(formData.get("token") ?? "");
    const password = String(formData.get("password") ?? "");
    if (password !== String(formData.get("confirm") ?? ""))
      return {
        error: "The two passwords differ",
        fields: { confirm: "The two passwords differ: type the same one twice." },
      };
    const api = createApiClient({ baseUrl: apiUrl() });
    const headers = await clientAddressHeaders();
    const res =
      kind === "reset"
        ? await api.POST("/auth/v1/reset-password", { body: { token, password }, headers })
        : await api.POST("/auth/v1/accept-invite", { body: { token, password }, headers });
    if (res.error) return formError(res.error);
    redirect(`/login?reason=${kind === "reset" ? "password_reset" : "invite_accepted"}`);
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function TokenPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
    const { token } = await searchParams;
    const title = kind === "reset" ? "Choose a new password" : "Accept your invitation";
    if (!token) {
      return (
        <SignedOutCard title={title}>
          <Alert kind="error">This page opens from the link in your email; the link here is incomplete.</Alert>
          {kind === "reset" ? (
            <a className="text-sm text-indigo-700 hover:underline" href="/forgot-password">
              Ask for a new link
            </a>
          ) : null}
        </SignedOutCard>
      );
    }
    return (
      <SignedOutCard
        title={title}
        intro={
          kind === "reset"
            ? "Every session of this account ends: you sign in again with the new password."
            : "Choose the password you will sign in with."
        }
      >
        <ActionForm action={choosePassword} label={title}>
          <input type="hidden" name="token" value={token} />
          <FormField label="New password" name="password" type="password" required hint="At least 10 characters." />
          <FormField label="The same password again" name="confirm" type="password" required />
          <SubmitButton pendingLabel={kind === "reset" ? "Changing…" : "Creating…"}>
            {kind === "reset" ? "Change my password" : "Create my account"}
          </SubmitButton>
        </ActionForm>
        {kind === "reset" ? (
          <p className="mt-4 text-sm">
            <a className="text-indigo-700 hover:underline" href="/forgot-password">
              The link expired? Ask for a new one
            </a>
          </p>
        ) : null}
      </SignedOutCard>
    );
  };
}

/** The signed-in frame of a portal: navigation, the user, sign-out. */
export function createPortalLayout(
  portal: Portal,
  /** `nav` as a function when an item depends on the environment: it is read per request, not at import. */
  opts: { name: string; nav: NavItem[] | (() => NavItem[]) },
) {
  async function logout(formData: FormData) {
    "use server";
    await signOut(portal, formData.get("everywhere") === "1");
    redirect("/login");
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function PortalLayout({ children }: { children: ReactNode }) {
    const api = await serverApi(portal);
    const [me, notifications, message] = await Promise.all([
      currentAccount(portal),
      api.GET("/auth/v1/me/notifications", { params: { query: { pageSize: 1 } } }).then((r) => unwrap(portal, r)),
      readFlash(),
    ]);
    // A suspended workspace's pages would each be refused: say why once, instead.
    if (me.memberships.some((m) => m.tenantId === me.session.tenantId && m.tenantStatus === "suspended"))
      redirect("/suspended");
    return (
      <AppShell
        portalName={opts.name}
        nav={typeof opts.nav === "function" ? opts.nav() : opts.nav}
        user={{ name: me.user.name, email: me.user.email }}
        flash={message}
        live={<LiveBell apiUrl={publicApiUrl()} portal={portal} initialUnread={notifications.unreadCount} />}
        logout={
          <form action={logout} className="flex gap-3">
            <button type="submit" className="text-indigo-700 underline">
              Sign out
            </button>
            <button
              type="submit"
              name="everywhere"
              value="1"
              className="text-slate-500 underline"
              title="Ends every session of this account, on every device"
            >
              Everywhere
            </button>
          </form>
        }
      >
        {children}
      </AppShell>
    );
  };
}

/**
 * The Dashboard's page for a suspended workspace: what happened and since when, what it means
 * (the work is kept; nothing is reviewed or published meanwhile), whom to write to, and sign-out.
 * An active workspace's member who lands here goes on to the Dashboard.
 */
export function createSuspendedPage() {
  async function logout() {
    "use server";
    await signOut("dashboard");
    redirect("/login");
  }
  // biome-ignore lint/correctness/noComponentHookFactories: built once per portal at module load, never during render
  return async function SuspendedPage() {
    const [me, workspace] = await Promise.all([currentAccount("dashboard"), currentWorkspace()]);
    if (workspace?.tenantStatus !== "suspended") redirect("/");
    const since = workspace.tenantSuspendedAt
      ? new Date(workspace.tenantSuspendedAt).toLocaleDateString("en-GB", { dateStyle: "long", timeZone: "UTC" })
      : null;
    const support = supportEmail();
    return (
      <main className="min-h-screen bg-slate-50 p-4 md:p-12">
        <div className="mx-auto mb-2 max-w-xl text-center font-semibold text-indigo-700">Leadmetrics</div>
        <StatePanel
          testId="suspended"
          title="This workspace is suspended"
          actions={
            <>
              <a
                className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700"
                href={`mailto:${support}?subject=${encodeURIComponent(`Suspended workspace: ${workspace.tenantName}`)}`}
              >
                Email {support}
              </a>
              <form action={logout}>
                <SubmitButton variant="secondary" pendingLabel="Signing out…">
                  Sign out
                </SubmitButton>
              </form>
            </>
          }
        >
          <p className="text-base text-slate-800">
            <strong>{workspace.tenantName}</strong> {since ? `has been suspended since ${since}` : "is suspended"}.
          </p>
          <p>
            Your plans, drafts and published posts are kept safe. While it is suspended, no one can review, approve or
            change work in it, so nothing new is sent for review or published.
          </p>
          <p>
            To find out why, or to have it reactivated, write to{" "}
            <a className="text-indigo-700 underline" href={`mailto:${support}`}>
              {support}
            </a>
            .
          </p>
          <p className="text-xs text-slate-500">Signed in as {me.user.email}</p>
        </StatePanel>
      </main>
    );
  };
}

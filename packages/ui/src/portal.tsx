import type { Portal } from "@leadmetrics/auth/edge";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Alert, AppShell, Button, Field, type NavItem } from "./index";
import { LiveBell } from "./live";
import { serverApi, signIn, signOut, unwrap } from "./server";

type LoginProps = { searchParams: Promise<{ error?: string; next?: string; reason?: string }> };

/** Each portal's sign-in page: the same form, its own cookies and home page. */
export function createLoginPage(portal: Portal, opts: { title: string; tagline: string; home: string }) {
  async function login(formData: FormData) {
    "use server";
    const next = String(formData.get("next") || opts.home);
    const failed = await signIn(portal, String(formData.get("email") ?? ""), String(formData.get("password") ?? ""));
    if (failed) redirect(`/login?error=${encodeURIComponent(failed.error ?? "Sign-in failed")}&next=${encodeURIComponent(next)}`);
    // Only same-site paths: never an open redirect.
    redirect(next.startsWith("/") && !next.startsWith("//") ? next : opts.home);
  }
  return async function LoginPage({ searchParams }: LoginProps) {
    const { error, next, reason } = await searchParams;
    return (
      <main className="flex min-h-screen items-center justify-center bg-slate-50 p-6">
        <form action={login} className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="mb-1 text-xl font-semibold">{opts.title}</h1>
          <p className="mb-6 text-sm text-slate-600">{opts.tagline}</p>
          {error ? <Alert kind="error">{error}</Alert> : null}
          {reason === "session_ended" ? <Alert>Your session ended; please sign in again.</Alert> : null}
          {reason === "no_access" ? <Alert kind="error">This account cannot use this portal.</Alert> : null}
          <input type="hidden" name="next" value={next ?? opts.home} />
          <Field label="Email" name="email" type="email" required />
          <Field label="Password" name="password" type="password" required />
          <Button>Sign in</Button>
        </form>
      </main>
    );
  };
}

/** The signed-in frame of a portal: navigation, the user, sign-out. */
export function createPortalLayout(portal: Portal, opts: { name: string; nav: NavItem[] }) {
  async function logout() {
    "use server";
    await signOut(portal);
    redirect("/login");
  }
  return async function PortalLayout({ children }: { children: ReactNode }) {
    const api = await serverApi(portal);
    const [me, notifications] = await Promise.all([
      api.GET("/auth/v1/me").then((r) => unwrap(portal, r)),
      api.GET("/auth/v1/me/notifications", { params: { query: { pageSize: 1 } } }).then((r) => unwrap(portal, r)),
    ]);
    return (
      <AppShell
        portalName={opts.name}
        nav={opts.nav}
        user={{ name: me.user.name, email: me.user.email }}
        live={<LiveBell apiUrl={process.env.PUBLIC_API_URL ?? "http://localhost:3003"} portal={portal} initialUnread={notifications.unreadCount} />}
        logout={
          <form action={logout}>
            <button className="text-indigo-700 underline">Sign out</button>
          </form>
        }
      >
        {children}
      </AppShell>
    );
  };
}

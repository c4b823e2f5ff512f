import { AppShell } from "@leadmetrics/ui";
import { serverApi, signOut, unwrap } from "@leadmetrics/ui/server";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

const NAV = [
  { href: "/activities", label: "Activities" },
  { href: "/plans", label: "Plans" },
];

async function logout() {
  "use server";
  await signOut("dashboard");
  redirect("/login");
}

export default async function AppLayout({ children }: { children: ReactNode }) {
  const api = await serverApi("dashboard");
  const me = unwrap("dashboard", await api.GET("/auth/v1/me"));
  return (
    <AppShell
      portalName="Dashboard"
      nav={NAV}
      user={{ name: me.user.name, email: me.user.email }}
      logout={
        <form action={logout}>
          <button className="text-indigo-700 underline">Sign out</button>
        </form>
      }
    >
      {children}
    </AppShell>
  );
}

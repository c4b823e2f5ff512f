import { createLoginPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Sign in" };

export default createLoginPage("manage", {
  title: "Leadmetrics Manage",
  tagline: "Tenants, users, agents, credits and failed jobs.",
  home: "/tenants",
});

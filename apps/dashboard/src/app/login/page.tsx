import { createLoginPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Sign in" };

export default createLoginPage("dashboard", {
  title: "Sign in to Leadmetrics",
  tagline: "Your workspace: plans, drafts to approve, results.",
  home: "/activities",
  signUp: true,
});

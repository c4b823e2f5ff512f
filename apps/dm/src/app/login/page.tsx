import { createLoginPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Sign in" };

export default createLoginPage("dm", {
  title: "Leadmetrics DM",
  tagline: "Review drafts across every client.",
  home: "/review",
});

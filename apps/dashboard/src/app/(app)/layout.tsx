import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("dashboard", {
  name: "Dashboard",
  nav: [
    { href: "/activities", label: "Activities" },
    { href: "/plans", label: "Plans" },
  ],
});

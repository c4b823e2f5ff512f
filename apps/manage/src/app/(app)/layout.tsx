import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("manage", {
  name: "Manage",
  nav: [
    { href: "/tenants", label: "Tenants" },
    { href: "/users", label: "Users" },
    { href: "/failed-jobs", label: "Failed jobs" },
    { href: "/audit", label: "Audit log" },
  ],
});

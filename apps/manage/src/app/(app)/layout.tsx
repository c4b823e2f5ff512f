import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("manage", {
  name: "Manage",
  nav: () => [
    { href: "/tenants", label: "Tenants" },
    { href: "/users", label: "Users" },
    { href: "/failed-jobs", label: "Failed jobs" },
    { href: "/audit", label: "Audit log" },
    // Explains the queue dashboard (bull-board, served by the API) and opens it in a tab of its own.
    { href: "/queues", label: "Queues" },
  ],
});

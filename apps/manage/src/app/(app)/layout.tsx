import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("manage", {
  name: "Manage",
  nav: [
    { href: "/tenants", label: "Tenants" },
    { href: "/users", label: "Users" },
    { href: "/failed-jobs", label: "Failed jobs" },
    { href: "/audit", label: "Audit log" },
    // bull-board, served by the API behind the super-admin guard (the Manage cookie reaches it).
    { href: `${process.env.PUBLIC_API_URL ?? "http://localhost:3003"}/admin/v1/queues`, label: "Queues" },
  ],
});

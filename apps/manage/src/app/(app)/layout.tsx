import { createPortalLayout } from "@leadmetrics/ui/portal";
import { publicApiUrl } from "@leadmetrics/ui/server";

export default createPortalLayout("manage", {
  name: "Manage",
  nav: () => [
    { href: "/tenants", label: "Tenants" },
    { href: "/users", label: "Users" },
    { href: "/failed-jobs", label: "Failed jobs" },
    { href: "/audit", label: "Audit log" },
    // bull-board, served by the API behind the super-admin guard (the Manage cookie reaches it).
    { href: `${publicApiUrl()}/admin/v1/queues`, label: "Queues" },
  ],
});

import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("dm", {
  name: "DM",
  nav: [
    { href: "/review", label: "Review queue" },
    { href: "/needs-attention", label: "Needs attention" },
  ],
});

import { createPortalLayout } from "@leadmetrics/ui/portal";

export default createPortalLayout("dashboard", {
  name: "Dashboard",
  nav: [
    { href: "/activities", label: "Activities" },
    { href: "/plans", label: "Plans" },
    { href: "/context", label: "Client context" },
    { href: "/channels", label: "Channels" },
    { href: "/credits", label: "Credits and runs" },
    { href: "/team", label: "Team" },
  ],
});

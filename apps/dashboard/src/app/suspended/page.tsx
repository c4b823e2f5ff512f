import { createSuspendedPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Workspace suspended" };

export default createSuspendedPage();

import { createTokenPasswordPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Choose a new password" };

export default createTokenPasswordPage("reset");

import { createTokenPasswordPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Accept your invitation" };

export default createTokenPasswordPage("invite");

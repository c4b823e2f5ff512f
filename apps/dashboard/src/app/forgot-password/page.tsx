import { createForgotPasswordPage } from "@leadmetrics/ui/portal";

export const metadata = { title: "Forgot your password?" };

export default createForgotPasswordPage();

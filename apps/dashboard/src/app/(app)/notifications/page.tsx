import { createNotificationsPage } from "@leadmetrics/ui/notifications";

export const metadata = { title: "Notifications" };

export default createNotificationsPage("dashboard");

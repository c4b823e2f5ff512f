import { createNotificationSettingsPage } from "@leadmetrics/ui/notifications";

export const metadata = { title: "Notification settings" };

export default createNotificationSettingsPage("dashboard");

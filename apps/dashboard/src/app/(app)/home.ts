/** Where this portal's error and not-found pages lead back to. */
export const HOME = { href: "/activities", label: "Back to your activities" };

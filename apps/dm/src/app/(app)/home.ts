/** Where this portal's error and not-found pages lead back to. */
export const HOME = { href: "/review", label: "Back to the review queue" };

/** Where this portal's error and not-found pages lead back to. */
export const HOME = { href: "/tenants", label: "Back to tenants" };

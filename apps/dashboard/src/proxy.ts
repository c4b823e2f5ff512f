import { createPortalProxy } from "@leadmetrics/middleware";

/** Signs in or refreshes before any page renders; the API still checks every call itself. */
export const proxy = createPortalProxy("dashboard");

// Static icons are answered without a session (a browser asks for them on the sign-in page too).
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"] };

import type { ReactNode } from "react";
import { loadActivity } from "./load";

/**
 * Reads the record before anything streams: an unknown id (or another workspace's) answers a real
 * 404 with the not-found page, which it could not once the loading skeleton had been sent.
 */
export default async function DetailLayout(props: { children: ReactNode; params: Promise<{ id: string }> }) {
  await loadActivity((await props.params).id);
  return props.children;
}

"use client";
import { useEffect, useState } from "react";

/** "45 s", "2 min", "1 h 5 min": how long something has been running. */
export function elapsedText(sinceIso: string, now = Date.now()): string {
  const seconds = Math.max(0, Math.floor((now - new Date(sinceIso).getTime()) / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/**
 * The time since `since`, ticking every second while the page is open. The server renders the
 * same text, so the first paint is already right.
 */
export function Elapsed({ since }: { since: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={since} suppressHydrationWarning data-testid="elapsed">
      {elapsedText(since, now)}
    </time>
  );
}

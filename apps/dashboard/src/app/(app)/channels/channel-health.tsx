import type { components } from "@leadmetrics/api-client";
import { RelativeTime } from "@leadmetrics/ui";

export type Health = components["schemas"]["Channel"]["health"];

const BADGE: Record<Health, { label: string; style: string }> = {
  healthy: { label: "Healthy", style: "bg-emerald-100 text-emerald-800" },
  needs_attention: { label: "Needs attention", style: "bg-amber-100 text-amber-900" },
  needs_reconnect: { label: "Reconnect needed", style: "bg-red-100 text-red-800" },
  not_checked: { label: "Not checked", style: "bg-slate-100 text-slate-700" },
};

/** A channel's health in words and colour (never colour alone). */
export function HealthBadge({ health }: { health: Health }) {
  const { label, style } = BADGE[health];
  return (
    <span
      data-testid="channel-health"
      className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium ${style}`}
    >
      {label}
    </span>
  );
}

/** The badge, when the site last answered, and the last failure in the site's own plain words. */
export function ChannelHealth(props: {
  health: Health;
  lastCheckedAt: string | null;
  lastError: string | null;
  now: number;
  /** The zone of the full moment on hover (the workspace's). */
  timeZone?: string;
}) {
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <HealthBadge health={props.health} />
        {props.lastCheckedAt ? (
          <span className="text-xs text-slate-500">
            checked <RelativeTime at={props.lastCheckedAt} timeZone={props.timeZone ?? "UTC"} now={props.now} />
          </span>
        ) : null}
      </div>
      {props.lastError && props.health === "needs_attention" ? (
        <p className="max-w-md text-xs text-rose-800">{props.lastError}</p>
      ) : null}
    </div>
  );
}

"use client";
import { useEffect, useRef, useState } from "react";
import { cx } from "./index";

/**
 * An account's picture, or its initials on grey when the network gave none or its address no
 * longer answers (networks' picture links expire).
 */
export function AccountAvatar(props: {
  account: { name: string; avatarUrl?: string | null } | null;
  size: "sm" | "md";
}) {
  const [broken, setBroken] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  // A picture that failed before the page was interactive fired its error event unheard.
  useEffect(() => {
    if (img.current?.complete && img.current.naturalWidth === 0) setBroken(true);
  }, []);
  const box = props.size === "sm" ? "h-8 w-8 text-xs" : "h-12 w-12 text-base";
  const src = props.account?.avatarUrl;
  if (src && !broken)
    return (
      // biome-ignore lint/performance/noImgElement: a network's picture at its own address, not an optimisable asset
      <img
        ref={img}
        src={src}
        alt=""
        onError={() => setBroken(true)}
        className={cx(box, "shrink-0 rounded-full border border-slate-200 object-cover")}
      />
    );
  const initials = (props.account?.name ?? "?")
    .split(/\s+/)
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join("");
  return (
    <span
      aria-hidden="true"
      className={cx(
        box,
        "flex shrink-0 items-center justify-center rounded-full bg-slate-200 font-semibold text-slate-600",
      )}
    >
      {initials}
    </span>
  );
}

"use client";
import type { SocialChannelKind } from "@leadmetrics/catalog";
import { useId, useState } from "react";
import { PostLimits } from "./social-preview";

/**
 * A social post's text as a plain textarea (posts are not markdown), with the network's counters
 * and limits kept current as the reviewer types. Submitted as the form field `name`.
 */
export function SocialPostEditor(props: {
  name: string;
  label: string;
  kind: SocialChannelKind;
  defaultValue?: string;
  imageCount: number;
}) {
  const id = useId();
  const [value, setValue] = useState(props.defaultValue ?? "");
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {props.label}
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={10}
        required
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={`${id}-limits`}
        className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500"
      />
      <div id={`${id}-limits`} className="mt-2">
        <PostLimits kind={props.kind} text={value} imageCount={props.imageCount} live />
      </div>
    </div>
  );
}

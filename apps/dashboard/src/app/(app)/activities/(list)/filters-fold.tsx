"use client";
import { type ReactNode, useEffect, useRef } from "react";

const PHONE = "(max-width: 767px)";

/**
 * The filters' fold: open on a wide screen (its summary is hidden there), folded on a phone unless
 * filters are applied, so what is applied shows. Rendered open, so it works before hydration.
 */
export function FiltersFold(props: { summary: string; keepOpen: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!props.keepOpen && ref.current && window.matchMedia(PHONE).matches) ref.current.open = false;
  }, [props.keepOpen]);
  return (
    <details ref={ref} open className="mt-2 md:mt-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-700 md:hidden">{props.summary}</summary>
      {props.children}
    </details>
  );
}

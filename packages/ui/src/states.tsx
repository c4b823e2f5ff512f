import type { ReactNode } from "react";

/**
 * The pages a portal shows instead of its content: not found, and the skeletons shown while a
 * page loads, shaped like the page that is coming so nothing jumps when it arrives. The error
 * page is a client component (error-state.tsx). Each route segment has thin files that use these.
 */

export interface HomeLink {
  href: string;
  label: string;
}

/** A calm full-width message with one way on: not found, something went wrong, a suspended workspace. */
export function StatePanel(props: { title: string; children?: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section
      data-testid={props.testId}
      className="mx-auto mt-6 max-w-xl rounded-lg border border-slate-200 bg-white px-6 py-10 text-center shadow-sm sm:px-10"
    >
      <h1 className="text-xl font-semibold text-slate-900">{props.title}</h1>
      {props.children ? <div className="mt-3 space-y-2 text-sm text-slate-600">{props.children}</div> : null}
      {props.actions ? <div className="mt-6 flex flex-wrap justify-center gap-3">{props.actions}</div> : null}
    </section>
  );
}

export const linkButton =
  "rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700";
export const secondaryLinkButton =
  "rounded-md border border-slate-300 bg-white px-3.5 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50";

/** An unknown address, or an id that is not there (or not this workspace's: the API answers the same). */
export function NotFoundState(props: { what?: string; home: HomeLink }) {
  return (
    <StatePanel
      testId="not-found"
      title={props.what ? `This ${props.what} was not found` : "This page was not found"}
      actions={
        <a className={linkButton} href={props.home.href}>
          {props.home.label}
        </a>
      }
    >
      <p>
        It may have been removed, or the link is mistyped. If someone sent you this link, it may belong to another
        workspace.
      </p>
    </StatePanel>
  );
}

const bar = (width: string, height = "h-4") => <div className={`${height} rounded bg-slate-200`} style={{ width }} />;

function HeaderSkeleton() {
  return (
    <div className="mb-6 space-y-2">
      {bar("14rem", "h-7")}
      {bar("22rem", "h-4")}
    </div>
  );
}

function RowsSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <div className="border-b border-slate-200 bg-slate-50 px-4 py-3">{bar("40%", "h-3")}</div>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <div key={i} className="flex gap-4 border-b border-slate-100 px-4 py-3 last:border-b-0">
          {bar(`${30 + ((i * 17) % 25)}%`)}
          {bar("15%")}
          {bar("20%")}
        </div>
      ))}
    </div>
  );
}

function CardSkeleton({ lines = 4, tall = false }: { lines?: number; tall?: boolean }) {
  return (
    <div className={`space-y-3 rounded-lg border border-slate-200 bg-white p-5 ${tall ? "min-h-80" : ""}`}>
      {bar("30%", "h-3")}
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder lines have no identity
        <div key={i}>{bar(`${92 - ((i * 13) % 40)}%`)}</div>
      ))}
    </div>
  );
}

/**
 * A loading page shaped like the page it stands for: a list (with a form beside it), a detail page
 * (content, and cards beside it), the activities board, or a form.
 */
export function PageSkeleton({ shape }: { shape: "list" | "list-with-form" | "detail" | "board" | "form" }) {
  const body = {
    list: <RowsSkeleton rows={8} />,
    "list-with-form": (
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <RowsSkeleton />
        </div>
        <CardSkeleton lines={5} />
      </div>
    ),
    detail: (
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <CardSkeleton lines={10} tall />
        </div>
        <div className="space-y-6">
          <CardSkeleton lines={3} />
          <CardSkeleton lines={4} />
        </div>
      </div>
    ),
    board: (
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholder columns have no identity
          <div key={i} className="space-y-2 rounded-lg bg-slate-100 p-3">
            {bar("50%", "h-3")}
            <div className="h-16 rounded-md bg-white" />
            <div className="h-16 rounded-md bg-white" />
          </div>
        ))}
      </div>
    ),
    form: (
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <CardSkeleton lines={8} tall />
        </div>
        <CardSkeleton lines={3} />
      </div>
    ),
  }[shape];
  return (
    <div role="status" aria-busy="true" aria-label="Loading" className="animate-pulse">
      <HeaderSkeleton />
      {body}
    </div>
  );
}

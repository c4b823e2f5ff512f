"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense, useCallback, useEffect, useRef, useState } from "react";
import { FLASH_COOKIE, type Flash, parseFlash } from "./flash";

type Toast = Flash;

const TOAST_EVENT = "lm:toast";
// Flashes already shown in this page's life: a layout that renders again with the same cookie
// value (before the browser dropped it) does not show it twice.
const shown = new Set<string>();

/** Shows a toast from the browser (a form that answered without leaving the page). */
export function showToast(kind: Toast["kind"], message: string) {
  window.dispatchEvent(
    new CustomEvent<Toast>(TOAST_EVENT, { detail: { id: `${Date.now()}-${Math.random()}`, kind, message } }),
  );
}

function readFlashCookie(): Flash | null {
  const raw = document.cookie
    .split("; ")
    .find((c) => c.startsWith(`${FLASH_COOKIE}=`))
    ?.slice(FLASH_COOKIE.length + 1);
  return raw ? parseFlash(raw) : null;
}

/**
 * The portal's toasts: what a server action said before it redirected (the one-shot flash cookie,
 * read by the layout as `flash` and by the browser after each navigation, then dropped so it
 * shows once), and what client forms say (`showToast`). Successes are polite status messages
 * that leave by themselves; errors are alerts that stay until dismissed.
 */
export function Toaster(props: { flash?: Flash | null }) {
  // Reading the address needs a Suspense boundary in a prerendered page.
  return (
    <Suspense fallback={null}>
      <Toasts flash={props.flash} />
    </Suspense>
  );
}

function Toasts(props: { flash?: Flash | null }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const pathname = usePathname();
  const search = useSearchParams();
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: string) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const add = useCallback(
    (toast: Toast) => {
      if (shown.has(toast.id)) return;
      shown.add(toast.id);
      setToasts((list) => [...list.slice(-2), toast]);
      if (toast.kind === "success")
        timers.current.set(
          toast.id,
          setTimeout(() => dismiss(toast.id), 6_000),
        );
    },
    [dismiss],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a navigation (path or query) is the moment to look again
  useEffect(() => {
    const flash = props.flash ?? readFlashCookie();
    // biome-ignore lint/suspicious/noDocumentCookie: the flash is dropped by the page that showed it (Cookie Store API is not everywhere)
    if (readFlashCookie()) document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
    if (flash) add(flash);
  }, [props.flash, pathname, search, add]);

  // A form's action may redirect to the very page it was on, where the address does not change:
  // after each submit, look for the flash until it arrives (or the action is clearly done).
  useEffect(() => {
    let poll: ReturnType<typeof setInterval> | undefined;
    const onSubmit = () => {
      clearInterval(poll);
      const until = Date.now() + 30_000;
      poll = setInterval(() => {
        const flash = readFlashCookie();
        if (flash) {
          // biome-ignore lint/suspicious/noDocumentCookie: see above
          document.cookie = `${FLASH_COOKIE}=; Max-Age=0; Path=/; SameSite=Lax`;
          add(flash);
        }
        if (flash || Date.now() > until) clearInterval(poll);
      }, 200);
    };
    document.addEventListener("submit", onSubmit, true);
    return () => {
      document.removeEventListener("submit", onSubmit, true);
      clearInterval(poll);
    };
  }, [add]);

  useEffect(() => {
    const onToast = (e: Event) => add((e as CustomEvent<Toast>).detail);
    window.addEventListener(TOAST_EVENT, onToast);
    const pending = timers.current;
    return () => {
      window.removeEventListener(TOAST_EVENT, onToast);
      for (const t of pending.values()) clearTimeout(t);
    };
  }, [add]);

  return (
    <section
      aria-label="Messages"
      className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex flex-col items-stretch gap-2 sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-96"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.kind === "error" ? "alert" : "status"}
          data-testid="toast"
          className={`pointer-events-auto flex items-start gap-3 rounded-lg border px-4 py-3 text-sm shadow-lg ${
            t.kind === "error"
              ? "border-rose-200 bg-rose-50 text-rose-900"
              : "border-emerald-200 bg-white text-slate-900"
          }`}
        >
          <span
            aria-hidden="true"
            className={`mt-1 h-2 w-2 shrink-0 rounded-full ${t.kind === "error" ? "bg-rose-500" : "bg-emerald-500"}`}
          />
          <p className="min-w-0 flex-1 break-words">{t.message}</p>
          <button
            type="button"
            onClick={() => dismiss(t.id)}
            aria-label="Dismiss"
            className="-m-1 rounded p-1 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}

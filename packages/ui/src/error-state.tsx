"use client";
import { useRouter } from "next/navigation";
import { startTransition, useEffect } from "react";
import { type HomeLink, linkButton, StatePanel, secondaryLinkButton } from "./states";

/**
 * What a page shows when it failed to render: no stack, no internals — a retry (which renders the
 * page again on the server) and a way home. The digest names the failure in the server's log.
 */
export function ErrorState(props: { error: Error & { digest?: string }; reset: () => void; home: HomeLink }) {
  const router = useRouter();
  useEffect(() => {
    console.error(props.error);
  }, [props.error]);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      props.reset();
    });
  return (
    <StatePanel
      testId="error-state"
      title="Something went wrong"
      actions={
        <>
          <button type="button" onClick={retry} className={linkButton}>
            Try again
          </button>
          <a className={secondaryLinkButton} href={props.home.href}>
            {props.home.label}
          </a>
        </>
      }
    >
      <p>This page could not be shown just now. Nothing you saved is lost. Try again in a moment.</p>
      {props.error.digest ? (
        <p className="text-xs text-slate-500">If it keeps happening, tell us this reference: {props.error.digest}</p>
      ) : null}
    </StatePanel>
  );
}

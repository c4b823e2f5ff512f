"use client";
import { ErrorState } from "@leadmetrics/ui/error-state";
import { HOME } from "./(app)/home";

/** A failure outside a page's own boundary (the signed-in frame itself): shown without the frame. */
export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="min-h-screen bg-slate-50 p-4 md:p-12">
      <ErrorState {...props} home={HOME} />
    </main>
  );
}

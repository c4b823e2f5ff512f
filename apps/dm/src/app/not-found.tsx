import { EmptyState } from "@leadmetrics/ui";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-12">
      <h1 className="mb-4 text-2xl font-semibold">Not found</h1>
      <EmptyState title="This page does not exist.">
        <a className="text-indigo-700 underline" href="/review">
          Back to the review queue
        </a>
      </EmptyState>
    </main>
  );
}

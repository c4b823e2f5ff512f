import { EmptyState } from "@leadmetrics/ui";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg p-12">
      <h1 className="mb-4 text-2xl font-semibold">Not found</h1>
      <EmptyState title="This page does not exist, or you do not have access to it.">
        <a className="text-indigo-700 underline" href="/tenants">
          Back to tenants
        </a>
      </EmptyState>
    </main>
  );
}

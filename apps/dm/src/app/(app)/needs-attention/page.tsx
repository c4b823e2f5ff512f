import { QueueView } from "../queue-view";

export const metadata = { title: "Needs attention" };

export default async function NeedsAttentionPage({ searchParams }: { searchParams: Promise<{ tenantId?: string; type?: "blog_post" | "social_post" | "strategy" }> }) {
  return <QueueView kind="attention" query={await searchParams} />;
}

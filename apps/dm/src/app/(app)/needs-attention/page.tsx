import { type QueueQuery, QueueView } from "../queue-view";

export const metadata = { title: "Needs attention" };

export default async function NeedsAttentionPage({ searchParams }: { searchParams: Promise<QueueQuery> }) {
  return <QueueView kind="attention" query={await searchParams} />;
}

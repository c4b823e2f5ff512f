import { LiveFeed } from "@leadmetrics/ui/live";
import { publicApiUrl } from "@leadmetrics/ui/server";
import { type QueueQuery, QueueView } from "../../queue-view";

export const metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<QueueQuery> }) {
  return (
    <>
      <QueueView kind="review" query={await searchParams} />
      <LiveFeed apiUrl={publicApiUrl()} />
    </>
  );
}

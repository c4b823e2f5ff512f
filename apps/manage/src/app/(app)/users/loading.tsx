import { PageSkeleton } from "@leadmetrics/ui/states";

export default function Loading() {
  return <PageSkeleton shape="list-with-form" />;
}

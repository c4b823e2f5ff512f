import { PageSkeleton } from "@leadmetrics/ui/states";

export default function Loading() {
  return <PageSkeleton shape="detail" />;
}

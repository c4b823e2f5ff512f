import { Skeleton } from "@leadmetrics/ui";

export default function Loading() {
  return (
    <div className="max-w-3xl">
      <Skeleton lines={6} />
    </div>
  );
}

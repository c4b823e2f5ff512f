"use client";
import { ErrorState } from "@leadmetrics/ui/error-state";
import { HOME } from "../home";

export default function ErrorPage(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState {...props} home={HOME} />;
}

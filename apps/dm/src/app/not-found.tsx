import { NotFoundState } from "@leadmetrics/ui/states";
import { HOME } from "./(app)/home";

export default function NotFound() {
  return (
    <main className="min-h-screen bg-slate-50 p-4 md:p-12">
      <NotFoundState home={HOME} />
    </main>
  );
}

import { NotFoundState } from "@leadmetrics/ui/states";
import { HOME } from "../home";

export default function NotFound() {
  return <NotFoundState home={HOME} />;
}

import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { cache } from "react";

/** Read once per request, by the layout (which answers 404 before the page streams), the title and the page. */
export const loadPlan = cache(async (id: string) =>
  unwrap("dashboard", await (await serverApi("dashboard")).GET("/tenant/v1/plans/{id}", { params: { path: { id } } })),
);

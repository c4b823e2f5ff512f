import { serverApi, unwrap } from "@leadmetrics/ui/server";
import { cache } from "react";

/** Read once per request, by the layout (which answers 404 before the page streams), the title and the page. */
export const loadTenant = cache(async (id: string) =>
  unwrap("manage", await (await serverApi("manage")).GET("/admin/v1/tenants/{id}", { params: { path: { id } } })),
);

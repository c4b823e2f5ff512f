import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table } from "../src";

describe("Table", () => {
  it("is a table on wide screens and a card per row on a phone, with the same cells", () => {
    const html = renderToStaticMarkup(
      createElement(Table<{ id: string; name: string; role: string }>, {
        caption: "Team",
        rowKey: (r) => r.id,
        rows: [{ id: "1", name: "Alex Acme", role: "owner" }],
        columns: [
          { header: "Name", cell: (r) => r.name },
          { header: "Role", cell: (r) => r.role },
        ],
      }),
    );
    expect(html).toMatch(/<div class="hidden[^"]*md:block"><table[\s\S]*<caption class="sr-only">Team<\/caption>/);
    expect(html).toMatch(/<td[^>]*>Alex Acme<\/td><td[^>]*>owner<\/td>/);
    // The card leads with the first column and labels the others.
    expect(html).toMatch(
      /<ul aria-label="Team" class="[^"]*md:hidden"><li[^>]*><div[^>]*>Alex Acme<\/div><dl[^>]*><dt[^>]*>Role<\/dt><dd[^>]*>owner<\/dd><\/dl><\/li><\/ul>/,
    );
  });
});

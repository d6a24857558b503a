// The documents of the store, a page at a time; each opens in the Document view.
import type { StoredDocument } from "../api.ts";
import { day } from "../format.ts";
import { ListFooter } from "../parts/ListFooter.tsx";
import { usePaged } from "../parts/usePaged.ts";
import { href } from "../route.ts";

export function DocumentsView() {
  const list = usePaged<StoredDocument>("documents", {}, 100, "documents");
  return (
    <section aria-labelledby="docs-title">
      <h2 id="docs-title">Documents</h2>
      <div class="table-wrap panel">
        <table>
          <caption>Every stored document, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Date</th>
              <th scope="col" class="num">Sentences</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={href("document", {}, d.id)}>{d.title ?? d.id}</a>
                </td>
                <td>{d.outlet ?? ""}</td>
                <td class="date">{day(d.date)}</td>
                <td class="num">{d.claims}</td>
                <td>{d.status === "skipped" ? `skipped: ${d.reason ?? ""}` : d.duplicateOf ? `copy of ${d.duplicateOf}` : "analysed"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter list={list} noun="document" />
    </section>
  );
}

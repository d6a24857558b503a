import type { Paged } from "./usePaged.ts";
import { plural } from "../format.ts";

/** How many are shown of how many, and the button for the next page. */
export function ListFooter({ list, noun }: { list: Paged<unknown>; noun: string }) {
  return (
    <div class="list-footer">
      <p class="muted small" aria-live="polite">
        {list.loading ? "Loading…" : `Showing ${list.items.length.toLocaleString("en-US")} of ${plural(list.total, noun)}`}
      </p>
      {list.next && (
        <button type="button" class="secondary" onClick={list.more} disabled={list.loading}>
          Show more {noun}s
        </button>
      )}
      {list.error && (
        <p class="error" role="alert">
          {list.error}
        </p>
      )}
    </div>
  );
}

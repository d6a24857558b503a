// The page: a header with one link per view, the view the address names, and a skip link.
import { render } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { adoptToken } from "./api.ts";
import { href, useRoute, type ViewName } from "./route.ts";
import "./styles.css";
import { DocumentView } from "./views/Document.tsx";
import { DocumentsView } from "./views/Documents.tsx";
import { NumbersView } from "./views/Numbers.tsx";
import { SourcesView } from "./views/Sources.tsx";
import { StoryView } from "./views/Story.tsx";
import { TimelineView } from "./views/Timeline.tsx";

const NAV: [ViewName, string][] = [
  ["story", "Story"],
  ["documents", "Documents"],
  ["numbers", "Numbers"],
  ["sources", "Sources"],
  ["timeline", "Timeline"],
];

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const section = route.view === "document" ? "documents" : route.view;
  useEffect(() => {
    document.title = `${NAV.find(([v]) => v === section)?.[1] ?? "Story"} · Triangulate`;
  }, [section]);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header>
        <h1>Triangulate</h1>
        <p class="tagline">Who claims what in the coverage of the story</p>
        <nav aria-label="Views">
          <ul>
            {NAV.map(([view, label]) => (
              <li key={view}>
                <a href={href(view)} aria-current={section === view ? "page" : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.view === "story" && <StoryView route={route} />}
        {route.view === "documents" && <DocumentsView />}
        {route.view === "document" && <DocumentView key={route.id} route={route} />}
        {route.view === "numbers" && <NumbersView />}
        {route.view === "sources" && <SourcesView />}
        {route.view === "timeline" && <TimelineView />}
      </main>
    </>
  );
}

adoptToken();
render(<App />, document.getElementById("app")!);

import { useEffect, useRef } from "react";
import { LibraryPage } from "./pages/LibraryPage";
import { LiveInputPage } from "./pages/LiveInputPage";
import { LivePage } from "./pages/LivePage";
import { VideoPage } from "./pages/VideoPage";
import { WatermarksPage } from "./pages/WatermarksPage";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const place = "uid" in route ? `${route.page}:${route.uid}` : route.page;
  const shown = useRef(place);
  // A hash change renders a new page without a load, so focus would stay on the link that left
  // (or on <body>): move it to the new page's heading, as a page load would start there.
  useEffect(() => {
    // The first page (and StrictMode's second run of this effect) keeps the browser's focus.
    if (shown.current === place) return;
    shown.current = place;
    const heading = main.current?.querySelector("h1");
    heading?.setAttribute("tabindex", "-1");
    heading?.focus();
  }, [place]);
  // The hash is the router's, so skipping moves focus itself rather than linking to "#main".
  const skip = () => {
    main.current?.focus();
  };
  return (
    <div className="app">
      <button type="button" className="app__skip" onClick={skip}>
        Skip to content
      </button>
      <header className="app__header">
        <a href="#/" className="app__brand">
          streamkit <span>dashboard</span>
        </a>
        <nav aria-label="Dashboard" className="app__nav">
          <a href="#/" aria-current={route.page === "library" ? "page" : undefined}>
            Library
          </a>
          <a href="#/live" aria-current={route.page.startsWith("live") ? "page" : undefined}>
            Live
          </a>
          <a href="#/watermarks" aria-current={route.page === "watermarks" ? "page" : undefined}>
            Watermarks
          </a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app__main">
        {route.page === "video" ? (
          <VideoPage key={route.uid} uid={route.uid} />
        ) : route.page === "liveInput" ? (
          <LiveInputPage key={route.uid} uid={route.uid} />
        ) : route.page === "live" ? (
          <LivePage />
        ) : route.page === "watermarks" ? (
          <WatermarksPage />
        ) : (
          <LibraryPage />
        )}
      </main>
    </div>
  );
}

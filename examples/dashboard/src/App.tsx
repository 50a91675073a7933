import { LibraryPage } from "./pages/LibraryPage";
import { VideoPage } from "./pages/VideoPage";
import { WatermarksPage } from "./pages/WatermarksPage";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="app__header">
        <a href="#/" className="app__brand">
          streamkit <span>dashboard</span>
        </a>
        <nav aria-label="Dashboard" className="app__nav">
          <a href="#/" aria-current={route.page === "library" ? "page" : undefined}>
            Library
          </a>
          <a href="#/watermarks" aria-current={route.page === "watermarks" ? "page" : undefined}>
            Watermarks
          </a>
        </nav>
      </header>
      <main className="app__main">
        {route.page === "video" ? (
          <VideoPage key={route.uid} uid={route.uid} />
        ) : route.page === "watermarks" ? (
          <WatermarksPage />
        ) : (
          <LibraryPage />
        )}
      </main>
    </div>
  );
}

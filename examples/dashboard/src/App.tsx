import { LibraryPage } from "./pages/LibraryPage";
import { VideoPage } from "./pages/VideoPage";
import { useRoute } from "./router";

export function App() {
  const route = useRoute();
  return (
    <div className="app">
      <header className="app__header">
        <a href="#/" className="app__brand">
          streamkit <span>dashboard</span>
        </a>
      </header>
      <main className="app__main">
        {route.page === "video" ? <VideoPage key={route.uid} uid={route.uid} /> : <LibraryPage />}
      </main>
    </div>
  );
}

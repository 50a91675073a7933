import { WatermarksManager } from "@streamkit/ui/media";

/** The account's watermark profiles; the dashboard's proxy lets its (local, single) user manage them. */
export function WatermarksPage() {
  return (
    <section className="card" aria-labelledby="watermarks-heading">
      <h1 id="watermarks-heading">Watermarks</h1>
      <p className="hint">
        Choose a profile when you add a video (under the URL field, it applies to file uploads too);
        Stream burns it into the video, its downloads and its thumbnails.
      </p>
      <WatermarksManager headingLevel={2} />
    </section>
  );
}

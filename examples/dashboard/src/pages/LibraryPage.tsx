import { UploadFromUrlForm, VideoGrid, VideoTable } from "@streamkit/ui";
import { StorageMeter, WatermarkPicker } from "@streamkit/ui/media";
import { UploadDropzone } from "@streamkit/ui/upload";
import { useEffect, useRef, useState } from "react";
import { navigate, videoHref } from "../router";
import { type LibraryView, useLibraryViewChoice } from "../useLibraryViewChoice";
import { useMediaQuery } from "../useMediaQuery";
import { useSamples } from "../useSamples";

const ONE_COLUMN = "(max-width: 800px)";
const open = (video: { uid?: string }) => video.uid && navigate(videoHref(video.uid));

/**
 * The library page as a media product: the ways in side by side at the top (files first, a URL
 * beside), then the videos as thumbnails or as a table, the choice remembered.
 */
export function LibraryPage() {
  const samples = useSamples();
  // One choice for both ways in: a copy and a file upload get the same profile.
  const [watermarkUid, setWatermarkUid] = useState<string>();
  const watermark = watermarkUid ? { uid: watermarkUid } : undefined;
  const [url, setUrl] = useState<string>();
  // The first sample is there to be copied with one press, unless the person is already typing.
  const first = samples[0]?.url;
  useEffect(() => {
    if (first && !(document.activeElement instanceof HTMLInputElement)) {
      setUrl((current) => current ?? first);
    }
  }, [first]);
  const [view, setView] = useLibraryViewChoice();
  const addArea = useRef<HTMLDivElement>(null);
  const toUpload = () => {
    addArea.current?.scrollIntoView({ block: "start" });
    addArea.current?.querySelector<HTMLElement>(".sk-dropzone__input")?.focus();
  };
  const empty = (
    <button type="button" className="sk-button" onClick={toUpload}>
      Add your first video
    </button>
  );
  const Library = view === "table" ? VideoTable : VideoGrid;
  // One column (a phone): the URL form folds under its heading, so the library starts on the
  // first screen; files stay open, the way in a phone uses most.
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const [urlOpen, setUrlOpen] = useState(false);
  const urlFolded = oneColumn && !urlOpen;

  return (
    <>
      <h1 className="page-title">Videos</h1>
      <div className="add" ref={addArea}>
        <section aria-labelledby="files-heading" className="card add__files">
          <h2 id="files-heading">Upload files</h2>
          <UploadDropzone maxSizeBytes={2 * 1000 ** 3} watermark={watermark} />
        </section>
        <section aria-labelledby="upload-heading" className="card add__url">
          {oneColumn ? (
            <h2 id="upload-heading">
              <button
                type="button"
                className="fold"
                aria-expanded={!urlFolded}
                aria-controls="url-body"
                onClick={() => setUrlOpen(urlFolded)}
              >
                Add a video from a URL
              </button>
            </h2>
          ) : (
            <h2 id="upload-heading">Add a video from a URL</h2>
          )}
          <div id="url-body" className="add__url-body" hidden={urlFolded}>
            <UploadFromUrlForm url={url ?? ""} onUrlChange={setUrl} watermark={watermark} />
            {samples.length > 0 && (
              <div className="samples">
                <p className="hint" id="samples-hint">
                  Samples served by the local emulator:
                </p>
                <ul aria-labelledby="samples-hint">
                  {samples.map((s) => (
                    <li key={s.url}>
                      <button
                        type="button"
                        className="sk-button sample"
                        aria-pressed={url === s.url}
                        title={s.url}
                        onClick={() => setUrl(s.url)}
                      >
                        {s.url.split("/").pop()}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {/* An option most copies do without: folded, so a phone sees the library sooner. */}
            <details className="more">
              <summary>Watermark: {watermarkUid ? "chosen" : "none"}</summary>
              <WatermarkPicker value={watermarkUid ?? null} onChange={setWatermarkUid} />
            </details>
          </div>
        </section>
      </div>
      <section aria-labelledby="library-heading" className="card">
        <div className="library__head">
          <h2 id="library-heading">Library</h2>
          <ViewSwitch view={view} onChange={setView} />
        </div>
        <StorageMeter headingLevel={3} />
        <Library onSelect={open} emptyAction={empty} />
      </section>
    </>
  );
}

function ViewSwitch({ view, onChange }: { view: LibraryView; onChange(v: LibraryView): void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a pair of toggle buttons, as a toolbar segment
    <div role="group" aria-label="Show the library as" className="view-switch">
      {(["grid", "table"] as const).map((v) => (
        <button
          key={v}
          type="button"
          className="sk-button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
        >
          {v === "grid" ? "Thumbnails" : "Table"}
        </button>
      ))}
    </div>
  );
}

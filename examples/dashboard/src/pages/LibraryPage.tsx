import { UploadFromUrlForm, VideoTable } from "@streamkit/ui";
import { StorageMeter, WatermarkPicker } from "@streamkit/ui/media";
import { UploadDropzone } from "@streamkit/ui/upload";
import { useState } from "react";
import { navigate, videoHref } from "../router";
import { useSamples } from "../useSamples";

export function LibraryPage() {
  const samples = useSamples();
  // One choice for both ways in: a copy and a file upload get the same profile.
  const [watermarkUid, setWatermarkUid] = useState<string>();
  const watermark = watermarkUid ? { uid: watermarkUid } : undefined;
  return (
    <>
      <section aria-labelledby="upload-heading" className="card">
        <h1 id="upload-heading">Add a video</h1>
        <UploadFromUrlForm
          key={samples[0]?.url ?? "none"}
          defaultUrl={samples[0]?.url ?? ""}
          watermark={watermark}
        />
        {samples.length > 0 && (
          <p className="hint">
            Samples served by the local emulator:{" "}
            {samples.map((s, i) => (
              <span key={s.url}>
                {i > 0 && ", "}
                <code>{s.url}</code>
              </span>
            ))}
          </p>
        )}
        <WatermarkPicker value={watermarkUid ?? null} onChange={setWatermarkUid} />
      </section>
      <section aria-labelledby="files-heading" className="card">
        <h2 id="files-heading">Upload files</h2>
        <UploadDropzone maxSizeBytes={2 * 1024 ** 3} watermark={watermark} />
      </section>
      <section aria-labelledby="library-heading" className="card">
        <h2 id="library-heading">Library</h2>
        <StorageMeter />
        <VideoTable onSelect={(video) => video.uid && navigate(videoHref(video.uid))} />
      </section>
    </>
  );
}

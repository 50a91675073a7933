"use client";

import { UploadFromUrlForm } from "@streamkit/ui";
import { UploadDropzone } from "@streamkit/ui/upload";

/** Two ways in, side by side: files from this device, or a URL Stream copies from. */
export function AddVideos() {
  return (
    <div className="add">
      <section aria-labelledby="files-heading" className="card">
        <h2 id="files-heading">Upload files</h2>
        <UploadDropzone maxSizeBytes={2 * 1000 ** 3} />
      </section>
      <section aria-labelledby="url-heading" className="card">
        <h2 id="url-heading">Add a video from a URL</h2>
        <UploadFromUrlForm />
      </section>
    </div>
  );
}

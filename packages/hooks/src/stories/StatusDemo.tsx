import { type FormEvent, useState } from "react";
import { useUploadFromUrl } from "../useUploadFromUrl";
import { useVideoStatus } from "../useVideoStatus";
import { useVideos } from "../useVideos";

/** A bare demo of the hooks, with no UI package: copy a URL, watch its status, list the library. */
export function StatusDemo({
  defaultUrl = "https://samples.test/cat.mp4",
}: {
  defaultUrl?: string;
}) {
  const [url, setUrl] = useState(defaultUrl);
  const [uid, setUid] = useState<string>();
  const upload = useUploadFromUrl({ onSuccess: (video) => setUid(video.uid) });
  const status = useVideoStatus(uid);
  const library = useVideos({ limit: 5 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    upload.mutate({ input: url, meta: { name: url.split("/").pop() ?? url } });
  };

  return (
    <div style={{ fontFamily: "system-ui", maxWidth: 520 }}>
      <form onSubmit={submit}>
        <label>
          Video URL <input value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>{" "}
        <button type="submit" disabled={upload.isPending}>
          Copy
        </button>
      </form>
      {upload.error && <p role="alert">Upload failed: {upload.error.message}</p>}
      {uid && (
        <p aria-live="polite">
          Status: <strong data-testid="phase">{status.phase ?? "…"}</strong> (
          {Math.round(status.progress * 100)}%)
          {status.errorReason && <> — {status.errorReason.text}</>}
        </p>
      )}
      <h2 style={{ fontSize: 16 }}>Library</h2>
      {library.error ? (
        <p role="alert">Could not load the library: {library.error.message}</p>
      ) : (
        <ul>
          {library.videos.map((v) => (
            <li key={v.uid}>
              {String(v.meta?.name ?? v.uid)}: {v.status?.state}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

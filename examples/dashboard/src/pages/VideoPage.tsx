import { StreamApiError } from "@streamkit/core";
import { useVideo } from "@streamkit/hooks";
import { useCaptions } from "@streamkit/hooks/captions";
import {
  describeError,
  StreamPlayer,
  ThumbnailPicker,
  useStreamMessages,
  VideoDetails,
  VideoStatusBadge,
} from "@streamkit/ui";
import { CaptionsPanel, DownloadsPanel } from "@streamkit/ui/captions";
import { AudioTracksPanel, ClipEditor, WatermarkPicker } from "@streamkit/ui/media";
import { useState } from "react";
import { navigate, videoHref } from "../router";
import { Tabs } from "../Tabs";

export function VideoPage({ uid }: { uid: string }) {
  const { data: video, error } = useVideo(uid);
  // The library's word for a nameless video (and its translation), so the row and heading agree.
  const { untitled } = useStreamMessages().table;
  const name =
    typeof video?.meta?.name === "string" && video.meta.name.trim() !== ""
      ? video.meta.name
      : untitled;
  // A video that failed has no frames, captions or downloads to make: the page offers what
  // still works (rename, delete) and says why once, in the badge.
  const failed = video?.status?.state === "error";
  const captions = useCaptions(uid);
  const firstCaption = captions.data?.find(
    (c) => c.status !== "inprogress" && c.status !== "error",
  )?.language;
  if (error instanceof StreamApiError && error.status === 404) {
    return (
      <section className="card" aria-labelledby="gone-heading">
        <h1 id="gone-heading">This video is gone</h1>
        <p>It was deleted, or this link never pointed at a video of this library.</p>
        <a href="#/">Back to the library</a>
      </section>
    );
  }
  if (error) {
    return (
      <div className="card" role="alert">
        <p>This video could not be loaded. {describeError(error)}</p>
        <a href="#/">Back to the library</a>
      </div>
    );
  }
  return (
    <>
      <p>
        <a href="#/">← Library</a>
      </p>
      <div className="video-title">
        <h1 title={name}>{name}</h1>
        <VideoStatusBadge uid={uid} variant="full" />
      </div>
      <div className="video-layout">
        {!failed && (
          <div>
            <StreamPlayer
              src={uid}
              video={video}
              controls
              title={name}
              defaultTextTrack={firstCaption}
            />
            {/* The player leads; the editing panels share one place under it. */}
            <Tabs
              label="Edit the video"
              tabs={[
                { id: "thumbnail", label: "Thumbnail", panel: () => <ThumbnailPicker uid={uid} /> },
                { id: "captions", label: "Captions", panel: () => <CaptionsPanel uid={uid} /> },
                { id: "clip", label: "Clip", panel: () => <ClipSection uid={uid} /> },
                { id: "audio", label: "Audio", panel: () => <AudioTracksPanel uid={uid} /> },
                { id: "download", label: "Download", panel: () => <DownloadsPanel uid={uid} /> },
              ]}
            />
          </div>
        )}
        <div>
          <div className="card">
            <VideoDetails uid={uid} onDeleted={() => navigate("#/")} />
          </div>
        </div>
      </div>
    </>
  );
}

/**
 * The clip editor without its own preview player (the page has one already), a watermark for
 * the clip, and a link to the clip once it is ready.
 */
function ClipSection({ uid }: { uid: string }) {
  const [clip, setClip] = useState<string>();
  // A clip is a new video, so it can carry a watermark of its own.
  const [watermarkUid, setWatermarkUid] = useState<string>();
  return (
    <>
      <ClipEditor
        uid={uid}
        preview="none"
        clipOptions={watermarkUid ? { watermark: { uid: watermarkUid } } : undefined}
        onReady={(made) => setClip(made.uid)}
      />
      <WatermarkPicker
        label="Watermark for the clip"
        value={watermarkUid ?? null}
        onChange={setWatermarkUid}
      />
      {clip && (
        <p>
          <a href={videoHref(clip)}>Open the clip</a>
        </p>
      )}
    </>
  );
}

import { StreamApiError } from "@streamkit/core";
import { useVideo } from "@streamkit/hooks";
import { useCaptions } from "@streamkit/hooks/captions";
import { StreamPlayer, ThumbnailPicker, VideoDetails, VideoStatusBadge } from "@streamkit/ui";
import { CaptionsPanel, DownloadsPanel } from "@streamkit/ui/captions";
import { AudioTracksPanel, ClipEditor, WatermarkPicker } from "@streamkit/ui/media";
import { useState } from "react";
import { navigate, videoHref } from "../router";

export function VideoPage({ uid }: { uid: string }) {
  const { data: video, error } = useVideo(uid);
  const name = typeof video?.meta?.name === "string" ? video.meta.name : uid;
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
        <p>This video could not be loaded: {error.message}</p>
        <a href="#/">Back to the library</a>
      </div>
    );
  }
  return (
    <>
      <p>
        <a href="#/">← Library</a>
      </p>
      <h1 className="video-title">
        {name} <VideoStatusBadge uid={uid} variant="full" />
      </h1>
      <div className="video-layout">
        <div>
          <StreamPlayer
            src={uid}
            video={video}
            controls
            title={name}
            defaultTextTrack={firstCaption}
          />
          <section className="card" aria-label="Thumbnail">
            <ThumbnailPicker uid={uid} />
          </section>
          <section className="card" aria-label="Captions">
            <CaptionsPanel uid={uid} />
          </section>
          <section className="card" aria-label="Clip">
            <ClipSection uid={uid} />
          </section>
        </div>
        <div>
          <section className="card" aria-label="Details">
            <VideoDetails uid={uid} onDeleted={() => navigate("#/")} />
          </section>
          <section className="card" aria-label="Download">
            <DownloadsPanel uid={uid} />
          </section>
          <section className="card" aria-label="Audio">
            <AudioTracksPanel uid={uid} />
          </section>
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

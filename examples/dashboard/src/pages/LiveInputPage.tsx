import { StreamApiError } from "@streamkit/core";
import { useDeleteLiveInput, useLiveInput, useLiveRecordings } from "@streamkit/hooks/live-inputs";
import { describeError, VideoStatusBadge } from "@streamkit/ui";
import { LiveInputPanel, LiveOutputsEditor, LivePlayer, LiveStatusBadge } from "@streamkit/ui/live";
import { useEffect, useState } from "react";
import { navigate, videoHref } from "../router";

/** One live input: watch it, hand its credentials to a broadcaster, find its recordings. */
export function LiveInputPage({ uid }: { uid: string }) {
  const input = useLiveInput(uid);
  const recordings = useLiveRecordings(uid);
  const remove = useDeleteLiveInput();
  const [confirming, setConfirming] = useState(false);
  // A broadcast that starts or ends adds or finishes a recording: the list follows the status
  // (the proxy's /events would say so too, where the app turns liveUpdates on).
  const status = input.data?.status;
  const { refetch } = recordings;
  useEffect(() => {
    if (status !== undefined) void refetch();
  }, [status, refetch]);
  const name =
    typeof input.data?.meta?.name === "string" && input.data.meta.name
      ? input.data.meta.name
      : "Live input";
  if (input.error instanceof StreamApiError && input.error.status === 404) {
    return (
      <section className="card" aria-labelledby="gone-heading">
        <h1 id="gone-heading">This live input is gone</h1>
        <p>It was deleted, or this link never pointed at one of your live inputs.</p>
        <a href="#/live">Back to Live</a>
      </section>
    );
  }
  return (
    <>
      <p>
        <a href="#/live">← Live</a>
      </p>
      <div className="video-title">
        <h1 title={name}>{name}</h1>
        <LiveStatusBadge uid={uid} />
      </div>
      <div className="live-layout">
        <div>
          <LivePlayer
            uid={uid}
            title={name}
            muted
            autoplay
            onPlayRecording={(videoUid) => navigate(videoHref(videoUid))}
          />
          <section className="card" aria-labelledby="recordings-heading">
            <h2 id="recordings-heading">Recordings</h2>
            {recordings.error ? (
              <p role="alert">
                The recordings could not be loaded. {describeError(recordings.error)}
              </p>
            ) : recordings.isPending ? (
              <p aria-busy="true">Loading recordings…</p>
            ) : recordings.videos.length === 0 ? (
              <p>No recordings yet: each broadcast is recorded here when it ends.</p>
            ) : (
              <ul className="live-list">
                {recordings.videos.map((video) => (
                  <li key={video.uid}>
                    <a href={videoHref(video.uid ?? "")}>
                      {video.created ? new Date(video.created).toLocaleString() : video.uid}
                    </a>{" "}
                    <VideoStatusBadge video={video} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <div>
          <LiveInputPanel uid={uid} headingLevel={2} />
          <LiveOutputsEditor uid={uid} headingLevel={2} />
          <section className="card" aria-labelledby="danger-heading">
            <h2 id="danger-heading">Delete</h2>
            {confirming ? (
              <p>
                Delete this live input? Broadcasters using it are cut off; its recordings stay in
                the library.{" "}
                <button
                  type="button"
                  className="sk-button"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(uid, { onSuccess: () => navigate("#/live") })}
                >
                  Delete live input
                </button>{" "}
                <button type="button" className="sk-button" onClick={() => setConfirming(false)}>
                  Cancel
                </button>
              </p>
            ) : (
              <button type="button" className="sk-button" onClick={() => setConfirming(true)}>
                Delete this live input…
              </button>
            )}
            {remove.error && <p role="alert">It was not deleted. {describeError(remove.error)}</p>}
          </section>
        </div>
      </div>
    </>
  );
}

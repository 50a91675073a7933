"use client";

import { useVideo } from "@streamkit/hooks";
import { describeError, StreamPlayer, VideoDetails, VideoStatusBadge } from "@streamkit/ui";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useVideoName } from "./Library";

/**
 * A video's page: the player first, its status, and the details to rename or delete it. The
 * video is in the cache from the server's render, so the first paint already has it.
 */
export function VideoView({ uid }: { uid: string }) {
  const router = useRouter();
  const { data: video, error } = useVideo(uid);
  const name = useVideoName(video);
  const failed = video?.status?.state === "error";
  return (
    <>
      <p>
        <Link href="/">← Library</Link>
      </p>
      <div className="video-title">
        <h1 title={name}>{name}</h1>
        <VideoStatusBadge uid={uid} variant="full" />
      </div>
      {error && !video && (
        <p role="alert" className="card">
          This video could not be loaded. {describeError(error)}
        </p>
      )}
      <div className="video-layout">
        {/* A failed video has no frames: its reason is in the badge, its details stay editable. */}
        {!failed && <StreamPlayer src={uid} video={video} controls title={name} />}
        <div className="card">
          <VideoDetails uid={uid} onDeleted={() => router.push("/")} />
        </div>
      </div>
    </>
  );
}

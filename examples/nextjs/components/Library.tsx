"use client";

import type { Video } from "@streamkit/core";
import { useStreamMessages, VideoGrid } from "@streamkit/ui";
import Link from "next/link";

/** The library as thumbnails, each name a link to the video's page (a real link: it works before hydration). */
export function Library() {
  return (
    <section aria-labelledby="library-heading" className="card">
      <h2 id="library-heading">Library</h2>
      <VideoGrid renderName={renderName} />
    </section>
  );
}

// Module level, so the grid's memoized cards keep one name renderer across renders.
function renderName(video: Video) {
  return <VideoLink video={video} />;
}

function VideoLink({ video }: { video: Video }) {
  const name = useVideoName(video);
  return video.uid ? <Link href={`/videos/${video.uid}`}>{name}</Link> : name;
}

/** The name the library shows, with the library's own word for a nameless video. */
export function useVideoName(video: Video | undefined): string {
  const { untitled } = useStreamMessages().table;
  const name = video?.meta?.name;
  return typeof name === "string" && name.trim() !== "" ? name : untitled;
}

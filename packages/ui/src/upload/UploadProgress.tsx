import type { Video } from "@streamkit/core";
import { useVideoStatus } from "@streamkit/hooks";
import type { ReactNode } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { uploadMessages } from "../messages/upload";
import { videoName } from "../parts/videoName";
import { VideoStatusBadge } from "../VideoStatusBadge";

/** One upload of `UploadFromUrlForm`: its name and live progress until ready (or failed). */
export function UploadProgress({
  video,
  onReady,
  onError,
}: {
  video: Video;
  onReady: (video: Video) => void;
  onError?: (video: Video) => void;
}): ReactNode {
  const text = useMessages("upload", uploadMessages);
  const { untitled } = useMessages("table", tableMessages);
  const live = useVideoStatus(video.uid, { onReady, onError });
  const name = videoName(live.video ?? video, untitled);
  return (
    <li className="sk-upload__item" data-state={live.phase}>
      <span className="sk-upload__name">{name}</span>
      <VideoStatusBadge uid={video.uid} variant="full" />
      {live.isReady && <span>{text.ready(name)}</span>}
    </li>
  );
}

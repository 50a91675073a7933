import type { Video } from "@streamkit/core";
import { useVideoStatus } from "@streamkit/hooks";
import type { ReactNode } from "react";
import { useStreamMessages } from "../messages";
import { videoName } from "../parts/videoName";
import { VideoStatusBadge } from "../VideoStatusBadge";

/** One upload of `UploadFromUrlForm`: its name and live progress until ready (or failed). */
export function UploadProgress({
  video,
  onReady,
}: {
  video: Video;
  onReady: (video: Video) => void;
}): ReactNode {
  const messages = useStreamMessages();
  const live = useVideoStatus(video.uid, { onReady });
  const name = videoName(live.video ?? video, messages.table.untitled);
  return (
    <li className="sk-upload__item" data-state={live.phase}>
      <span className="sk-upload__name">{name}</span>
      <VideoStatusBadge uid={video.uid} variant="full" />
      {live.isReady && <span>{messages.upload.ready(name)}</span>}
    </li>
  );
}

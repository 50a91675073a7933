import { isTerminal, type Video, videoPhase } from "@streamkit/core";
import { useListedVideo } from "@streamkit/hooks/library";
import { memo, type ReactNode, useState } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { videoName } from "../parts/videoName";
import { VideoStatusBadge } from "../VideoStatusBadge";
import { VideoThumbnail } from "../VideoThumbnail";

export interface VideoCardProps {
  video: Video;
  thumbnailWidth: number;
  activatable: boolean;
  renderName: ((video: Video) => ReactNode) | undefined;
  onActivate: (video: Video) => void;
}

/** One card of `VideoGrid`: thumbnail (animated on hover or focus), name, status, duration. */
export const VideoCard = memo(function VideoCard({
  video: listed,
  thumbnailWidth,
  activatable,
  renderName,
  onActivate,
}: VideoCardProps): ReactNode {
  const text = useMessages("table", tableMessages);
  const video = useListedVideo(listed);
  const name = videoName(video, text.untitled);
  const [live] = useState(() => !isTerminal(video));
  const thumbnail = <VideoThumbnail video={video} width={thumbnailWidth} animated="hover" alt="" />;
  const duration = video.duration !== undefined && video.duration > 0 ? video.duration : undefined;

  return (
    <li className="sk-card" data-state={videoPhase(video)}>
      {renderName ? (
        <>
          {thumbnail}
          <span className="sk-card__name">{renderName(video)}</span>
        </>
      ) : activatable ? (
        <button type="button" className="sk-card__main" onClick={() => onActivate(video)}>
          {thumbnail}
          <span className="sk-card__name">{name}</span>
        </button>
      ) : (
        <>
          {thumbnail}
          <span className="sk-card__name">{name}</span>
        </>
      )}
      <span className="sk-card__meta">
        {live ? (
          <VideoStatusBadge uid={video.uid} />
        ) : (
          <VideoStatusBadge video={video} announce={false} />
        )}
        {duration !== undefined && <span>{text.formatDuration(duration)}</span>}
      </span>
    </li>
  );
});

import { errorReason, isTerminal, type Video, videoPhase } from "@streamkit/core";
import { useListedVideo } from "@streamkit/hooks/library";
import { memo, type ReactNode, useState } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { CreatedTime } from "../parts/CreatedTime";
import { videoName } from "../parts/videoName";
import { VideoStatusBadge } from "../VideoStatusBadge";
import { VideoThumbnail } from "../VideoThumbnail";

export interface VideoCardProps {
  video: Video;
  /** The grid row it is in, and a measure for the first card of a row when the grid is windowed. */
  row: number;
  measure: ((element: Element | null) => void) | undefined;
  thumbnailWidth: number;
  activatable: boolean;
  renderName: ((video: Video) => ReactNode) | undefined;
  onActivate: (video: Video) => void;
}

/**
 * One card of `VideoGrid`: thumbnail (animated on hover or focus) with the duration over it, name,
 * status, a private marker, and how long ago it was added.
 */
export const VideoCard = memo(function VideoCard({
  video: listed,
  row,
  measure,
  thumbnailWidth,
  activatable,
  renderName,
  onActivate,
}: VideoCardProps): ReactNode {
  const text = useMessages("table", tableMessages);
  const video = useListedVideo(listed);
  const name = videoName(video, text.untitled);
  const [live] = useState(() => !isTerminal(video));
  const duration = video.duration !== undefined && video.duration > 0 ? video.duration : undefined;
  const thumbnail = (
    <span className="sk-card__media">
      <VideoThumbnail video={video} width={thumbnailWidth} animated="hover" alt="" />
      {duration !== undefined && (
        // Seen over the picture; read once, from the meta line below.
        <span className="sk-card__duration" aria-hidden="true">
          {text.formatDuration(duration)}
        </span>
      )}
    </span>
  );
  const title = (content: ReactNode) => (
    <span className="sk-card__name sk-clamp" title={name}>
      {content}
    </span>
  );
  const reason = errorReason(video)?.text;

  return (
    <li className="sk-card" ref={measure} data-index={row} data-state={videoPhase(video)}>
      {renderName ? (
        <>
          {thumbnail}
          {title(renderName(video))}
        </>
      ) : activatable ? (
        <button type="button" className="sk-card__main" onClick={() => onActivate(video)}>
          {thumbnail}
          {title(name)}
        </button>
      ) : (
        <>
          {thumbnail}
          {title(name)}
        </>
      )}
      <span className="sk-card__meta">
        {live ? (
          <VideoStatusBadge uid={video.uid} />
        ) : (
          <VideoStatusBadge video={video} announce={false} />
        )}
        {duration !== undefined && (
          <span className="sk-visually-hidden">{text.formatDuration(duration)}</span>
        )}
        {video.requireSignedURLs && <span className="sk-tag">{text.private}</span>}
        {video.created && <CreatedTime iso={video.created} text={text} />}
      </span>
      {reason && (
        <span className="sk-reason sk-clamp" aria-hidden="true" title={reason}>
          {reason}
        </span>
      )}
    </li>
  );
});

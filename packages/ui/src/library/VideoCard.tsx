import { errorReason, isTerminal, type Video, videoPhase } from "@streamkit/core";
import { useListedVideo } from "@streamkit/hooks/library";
import { type CSSProperties, memo, type ReactNode, useState } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { CreatedTime } from "../parts/CreatedTime";
import { videoName } from "../parts/videoName";
import { thumbnailSize } from "../thumbnail/thumbnailSource";
import { VideoStatusBadge } from "../VideoStatusBadge";
import { VideoThumbnail } from "../VideoThumbnail";

export interface VideoCardProps {
  video: Video;
  /** The grid row it is in, and a measure for the first card of a row when the grid is windowed. */
  row: number;
  measure: ((element: Element | null) => void) | undefined;
  /** A fling is on: a card mounted now waits for it to end before it fetches its thumbnail. */
  defer: boolean;
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
  defer,
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
  // In a fling, most of a frame went to the thumbnails of cards that were gone a moment later
  // (their responses, decoding, paint): a card that mounts then shows an empty frame of the same
  // size, and its picture once the scroll slows. A picture shown stays.
  const [pictured, setPictured] = useState(!defer);
  if (!defer && !pictured) setPictured(true);
  const size = thumbnailSize(thumbnailWidth, undefined, video);
  const thumbnail = (
    <span className="sk-card__media">
      {pictured ? (
        <VideoThumbnail video={video} width={thumbnailWidth} animated="hover" alt="" />
      ) : (
        <span
          className="sk-thumb"
          aria-hidden="true"
          data-state="placeholder"
          data-reason="scrolling"
          style={
            {
              "--sk-thumb-width": `${size.width}px`,
              aspectRatio: `${size.width} / ${size.height}`,
            } as CSSProperties
          }
        />
      )}
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

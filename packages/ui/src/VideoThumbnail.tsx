import type { Video } from "@streamkit/core";
import type { ThumbnailFit } from "@streamkit/core/urls";
import { useOptionalStreamContext, useSignedToken } from "@streamkit/hooks";
import {
  type CSSProperties,
  type HTMLAttributes,
  type ImgHTMLAttributes,
  type ReactNode,
  useCallback,
  useState,
} from "react";
import { cx } from "./cx";
import { thumbnailSize, thumbnailSources } from "./thumbnail/thumbnailSource";
import { useHoverFocus } from "./thumbnail/useHoverFocus";

export interface VideoThumbnailProps
  extends Omit<
    ImgHTMLAttributes<HTMLImageElement>,
    "src" | "srcSet" | "alt" | "width" | "height" | "loading" | "children"
  > {
  /** The video's uid. Or give `video` (also used for `alt`, the aspect ratio and the state). */
  uid?: string;
  video?: Video;
  /** A signed token: it replaces the uid in the URL (for `requireSignedURLs` videos). */
  token?: string;
  /** Seconds, or `1m2s`. Defaults to the video's own thumbnail (`thumbnailTimestampPct`). */
  time?: number | string;
  /** CSS pixels. With one side, the other follows the video's aspect ratio. Defaults to 320 wide. */
  width?: number;
  height?: number;
  /** How the frame fills `width` × `height`: `crop` (the server's default), `clip`, `scale`, `fill`. */
  fit?: ThumbnailFit;
  /** `true` shows the animated GIF; `"hover"` swaps to it on hover or focus. Defaults to false. */
  animated?: boolean | "hover";
  /** Defaults to the video's `meta.name`; an empty string marks the image decorative. */
  alt?: string;
  /** Defaults to `lazy`. */
  loading?: "lazy" | "eager";
}

/**
 * A video's thumbnail from the provider's delivery origin, with its size reserved (no layout
 * shift) and a 2x source for dense screens. Without a delivery config, a token for a signed
 * video, or frames to show, it paints a neutral placeholder and requests nothing.
 *
 * `data-state`: `loading`, `loaded`, or `placeholder` (with `data-reason`).
 */
export function VideoThumbnail(props: VideoThumbnailProps): ReactNode {
  const context = useOptionalStreamContext();
  const needsToken =
    context !== null && Boolean(props.video?.requireSignedURLs) && props.token === undefined;
  return needsToken ? <SignedThumbnail {...props} /> : <ThumbnailView {...props} />;
}

/** A private video's thumbnail: the token comes from the proxy, shared with its players. */
function SignedThumbnail(props: VideoThumbnailProps): ReactNode {
  const { token } = useSignedToken(props.video?.uid ?? props.uid);
  return <ThumbnailView {...props} token={token} />;
}

function ThumbnailView({
  uid,
  video,
  token,
  time,
  width,
  height,
  fit,
  animated = false,
  alt,
  loading = "lazy",
  className,
  style,
  onLoad,
  onError,
  ...rest
}: VideoThumbnailProps): ReactNode {
  const delivery = useOptionalStreamContext()?.delivery;
  const [node, setNode] = useState<HTMLElement | null>(null);
  const [loaded, setLoaded] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const size = thumbnailSize(width, height, video);
  const sources = thumbnailSources({
    id: token ?? uid ?? video?.uid,
    video,
    token,
    delivery,
    time,
    fit,
    ...size,
  });
  const hovering = useHoverFocus(node, animated === "hover" && !sources.block);
  const name = typeof video?.meta?.name === "string" ? video.meta.name : undefined;
  const text = alt ?? name ?? "";

  const moving = animated === true || hovering;
  const src = sources.block ? undefined : moving ? sources.animated : sources.still;
  const setImage = useCallback((img: HTMLImageElement | null) => {
    setNode(img);
    // An image the server's HTML loaded before hydration fired its load event unseen.
    if (img?.complete && img.naturalWidth > 0) setLoaded(img.getAttribute("src") ?? undefined);
  }, []);

  if (sources.block || !src || src === failed) {
    const box = {
      ...(rest as HTMLAttributes<HTMLSpanElement>),
      ref: setNode,
      className: cx("sk-thumb", className),
      // The nominal width as a property, not an inline width: a card or a frame cell that sizes
      // its pictures sizes the placeholder alike, as `width` on an <img> lets it.
      style: {
        "--sk-thumb-width": `${size.width}px`,
        aspectRatio: `${size.width} / ${size.height}`,
        ...style,
      } as CSSProperties,
      "data-state": "placeholder",
      "data-reason": sources.block ?? "failed",
    };
    return text ? <span {...box} role="img" aria-label={text} /> : <span {...box} aria-hidden />;
  }
  return (
    <img
      decoding="async"
      {...rest}
      ref={setImage}
      src={src}
      srcSet={moving ? sources.animatedSet : sources.stillSet}
      width={size.width}
      height={size.height}
      alt={text}
      loading={loading}
      className={cx("sk-thumb", className)}
      style={style}
      data-state={loaded === src ? "loaded" : "loading"}
      onLoad={(event) => {
        setLoaded(src);
        onLoad?.(event);
      }}
      onError={(event) => {
        setFailed(src);
        onError?.(event);
      }}
    />
  );
}

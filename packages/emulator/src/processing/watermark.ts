import type { EmbeddedWatermark as Watermark } from "../records";
import { WATERMARK_DEFAULTS } from "../watermarks/settings";

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  /** The image's size on the video, in pixels. */
  width: number;
  height: number;
  /** Top-left corner on the video, in pixels. */
  x: number;
  y: number;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * Where a profile puts its image on a video (§3.13), as the emulator reads Stream's wording:
 * `scale` is the image's width as a fraction of the video's width, the aspect kept (0 keeps the
 * image's own size); `padding` is the gap to the two nearest edges as a fraction of the video's
 * width (left/right) and height (top/bottom); `center` ignores padding. The image never spills
 * over the frame.
 */
export function placeWatermark(video: Size, image: Size, profile: Watermark): Placement {
  const scale = profile.scale ?? WATERMARK_DEFAULTS.scale;
  const padding = profile.padding ?? WATERMARK_DEFAULTS.padding;
  const position = profile.position ?? WATERMARK_DEFAULTS.position;
  const aspect = image.height / image.width;
  let width = scale > 0 ? video.width * scale : image.width;
  let height = width * aspect;
  const fit = Math.min(1, video.width / width, video.height / height);
  width = Math.min(video.width, even(width * fit));
  height = Math.min(video.height, even(height * fit));
  const padX = Math.round(video.width * padding);
  const padY = Math.round(video.height * padding);
  const left = Math.max(0, Math.min(padX, video.width - width));
  const top = Math.max(0, Math.min(padY, video.height - height));
  const right = Math.max(0, video.width - width - padX);
  const bottom = Math.max(0, video.height - height - padY);
  switch (position) {
    case "upperLeft":
      return { width, height, x: left, y: top };
    case "lowerLeft":
      return { width, height, x: left, y: bottom };
    case "lowerRight":
      return { width, height, x: right, y: bottom };
    case "center":
      return {
        width,
        height,
        x: Math.round((video.width - width) / 2),
        y: Math.round((video.height - height) / 2),
      };
    default:
      return { width, height, x: right, y: top };
  }
}

export interface BurnJob {
  input: string;
  image: string;
  output: string;
  video: Size;
  imageSize: Size;
  profile: Watermark;
  preset: string;
  hasAudio: boolean;
}

/**
 * ffmpeg arguments that draw the watermark over every frame into an MP4 working copy. Opacity
 * scales the image's own alpha (a half-transparent PNG at opacity 1 stays half-transparent, as
 * Stream says). Quality is kept high: this copy is encoded again for HLS and downloads.
 */
export function burnArgs(job: BurnJob): string[] {
  const place = placeWatermark(job.video, job.imageSize, job.profile);
  const opacity = job.profile.opacity ?? WATERMARK_DEFAULTS.opacity;
  const filter =
    `[1:v]format=rgba,scale=${place.width}:${place.height},colorchannelmixer=aa=${opacity}[mark];` +
    `[0:v:0][mark]overlay=x=${place.x}:y=${place.y}:eof_action=repeat,format=yuv420p[out]`;
  const args = ["-hide_banner", "-nostdin", "-y", "-nostats", "-progress", "pipe:1"];
  args.push("-i", job.input, "-i", job.image, "-filter_complex", filter, "-map", "[out]");
  if (job.hasAudio) args.push("-map", "0:a:0", "-c:a", "aac", "-b:a", "192k");
  args.push(
    "-c:v",
    "libx264",
    "-preset",
    job.preset,
    "-crf",
    "16",
    "-movflags",
    "+faststart",
    "-f",
    "mp4",
    job.output,
  );
  return args;
}

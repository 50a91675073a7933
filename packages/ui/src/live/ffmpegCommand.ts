import type { LiveInputRtmps } from "@streamkit/core/live-inputs";

/** What a POSIX shell passes through unquoted; anything else is single-quoted. */
const PLAIN = /^[\w@%+=:,./-]+$/;
const quote = (word: string) => (PLAIN.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/**
 * An ffmpeg command that broadcasts a test pattern (1280×720, 30 fps, with a 440 Hz tone) to a
 * live input's RTMP(S) URL and stream key, for checking an input before a real encoder is set
 * up: `ffmpegCommand(input.rtmps)`. `undefined` without a URL or a key (a list entry has
 * neither). The target is the URL and the key joined as Stream expects (`…/live/` + key); it
 * is quoted for a shell when it needs to be, so a pasted command never runs anything else.
 */
export function ffmpegCommand(rtmps: LiveInputRtmps | undefined): string | undefined {
  const url = rtmps?.url;
  const key = rtmps?.streamKey;
  if (!url || !key) return undefined;
  const target = url.endsWith("/") ? `${url}${key}` : `${url}/${key}`;
  return [
    "ffmpeg -re",
    "-f lavfi -i testsrc2=size=1280x720:rate=30",
    "-f lavfi -i sine=frequency=440",
    "-c:v libx264 -preset veryfast -tune zerolatency -g 60",
    "-c:a aac -f flv",
    quote(target),
  ].join(" ");
}

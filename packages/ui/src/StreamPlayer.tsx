import { isUid, videoPhase } from "@streamkit/core";
import { useOptionalStreamContext, useSignedToken, useVideoStatus } from "@streamkit/hooks";
import { forwardRef, type ReactNode } from "react";
import { PlayerView } from "./player/PlayerView";
import type { InnerProps, StreamPlayerProps } from "./player/props";
import type { StreamPlayerHandle } from "./player/types";

export type { StreamPlayerProps } from "./player/props";

/** The Stream player iframe, poster first and without layout shift, every prop live after mount. */
export const StreamPlayer = forwardRef<StreamPlayerHandle, StreamPlayerProps>(
  function StreamPlayer(props, ref) {
    const context = useOptionalStreamContext();
    const watch = context !== null && props.watchStatus !== false && isUid(props.src);
    return watch ? (
      <WatchedPlayer {...props} handleRef={ref} />
    ) : (
      <PlayerView {...props} handleRef={ref} />
    );
  },
);

function WatchedPlayer(props: InnerProps): ReactNode {
  const live = useVideoStatus(props.src, {
    enabled: !props.video || videoPhase(props.video) !== "ready",
  });
  const video = live.video ?? props.video;
  // A private video plays with a token from the proxy, kept fresh by useSignedToken.
  const signed = Boolean(video?.requireSignedURLs) && props.token === undefined;
  const signedToken = useSignedToken(props.src, { enabled: signed });
  return (
    <PlayerView
      {...props}
      token={signed ? signedToken.token : props.token}
      status={{ video, failed: live.error !== undefined }}
      signing={
        signed
          ? {
              pending: signedToken.token === undefined,
              error: signedToken.error,
              refresh: signedToken.refresh,
            }
          : undefined
      }
    />
  );
}

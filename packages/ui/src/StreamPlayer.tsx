import { isUid } from "@streamkit/core";
import { useOptionalStreamContext } from "@streamkit/hooks";
import { forwardRef, type ReactNode } from "react";
import { PlayerView, useWatchedVideo } from "./player/PlayerView";
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
  // A private video plays with a token from the proxy, kept fresh by useSignedToken.
  return <PlayerView {...props} {...useWatchedVideo(props.src, props.video, props.token)} />;
}

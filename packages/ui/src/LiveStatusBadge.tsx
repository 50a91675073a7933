import { type LiveInput, type LiveInputPhase, liveInputPhase } from "@streamkit/core/live-inputs";
import { useOptionalStreamContext } from "@streamkit/hooks";
import { useLiveInput } from "@streamkit/hooks/live-inputs";
import type { HTMLAttributes, ReactNode } from "react";
import { cx } from "./cx";
import type { LiveStatusMessages } from "./live/messages";
import { useLiveTexts } from "./live/useLiveTexts";
import { usePhaseAnnouncement } from "./live/usePhaseAnnouncement";
import type { MessagesOverride } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import { describeError } from "./messages/describeError";

export interface LiveStatusBadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, "children"> {
  /** Watch this live input's status (polled through `useLiveInput`); needs a `StreamProvider`. */
  uid?: string;
  /**
   * Or show the status of an input you already have; nothing is fetched. A list entry
   * (`useLiveInputs`) has no `status`, so it reads as `idle`: pass the input itself.
   */
  liveInput?: Pick<LiveInput, "status">;
  /** Announce phase changes to screen readers through a polite live region. Defaults to true. */
  announce?: boolean;
  /** Some or all texts. */
  messages?: MessagesOverride<LiveStatusMessages>;
}

/**
 * Where a live input's broadcast stands (waiting, connecting, live, reconnecting, ended, failed
 * to connect) as a dot and a word, from `liveInputPhase`. With `liveInput` it renders anywhere;
 * with only `uid` it needs a `StreamProvider` to watch it.
 *
 * `data-state`: the phase (`idle`, `connecting`, `live`, `reconnecting`, `ended`, `errored`),
 * or `loading`, `error` before there is one.
 */
export function LiveStatusBadge(props: LiveStatusBadgeProps): ReactNode {
  const context = useOptionalStreamContext();
  return props.uid !== undefined && props.liveInput === undefined && context ? (
    <WatchedBadge {...props} uid={props.uid} />
  ) : (
    <BadgeView {...props} />
  );
}

function WatchedBadge(props: LiveStatusBadgeProps & { uid: string }): ReactNode {
  const query = useLiveInput(props.uid);
  return <BadgeView {...props} liveInput={query.data} failure={query.error ?? undefined} />;
}

function BadgeView({
  uid: _uid,
  liveInput,
  failure,
  announce = true,
  messages,
  className,
  ...rest
}: LiveStatusBadgeProps & { failure?: Error }): ReactNode {
  const common = useCommonMessages();
  const text = useLiveTexts("status", messages);
  const phase: LiveInputPhase | undefined = liveInput ? liveInputPhase(liveInput) : undefined;
  const label = phase
    ? text.phase[phase]
    : failure
      ? common.requestFailed(describeError(failure))
      : common.loading;
  const accessible = text.statusLabel(label);
  const announcement = usePhaseAnnouncement(phase, accessible);

  return (
    <span
      {...rest}
      className={cx("sk-badge sk-live-badge", className)}
      data-state={phase ?? (failure ? "error" : "loading")}
    >
      <span className="sk-badge__dot" aria-hidden="true" />
      <span className="sk-badge__label" aria-hidden="true">
        {label}
      </span>
      <span className="sk-visually-hidden">{accessible}</span>
      {announce && (
        <span className="sk-visually-hidden" role="status" aria-live="polite">
          {announcement}
        </span>
      )}
    </span>
  );
}

import { StreamValidationError } from "@streamkit/core";
import { storageFraction } from "@streamkit/core/media";
import { useStorageUsage } from "@streamkit/hooks/media";
import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { type StorageMeterMessages, storageMeterMessages } from "./media/clipMessages";
import { type MessagesOverride, useMediaTexts } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import { Heading, type HeadingLevel } from "./parts/Heading";
import { RequestError } from "./parts/RequestError";

export interface StorageMeterProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** Only this creator's videos; a new value shows theirs. Behind a scoped proxy, the caller's. */
  creator?: string;
  /** Share of the limit from which the meter warns (`data-state="warning"`). Defaults to 0.8. */
  warnAt?: number;
  /** Level of the heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Some or all texts. */
  messages?: MessagesOverride<StorageMeterMessages>;
}

/** `loading`, `error`, `ready`, `warning` (from `warnAt`), `full`, `unlimited` (no limit reported). */
export type StorageMeterState = "loading" | "error" | "ready" | "warning" | "full" | "unlimited";

/**
 * Minutes stored against the account's limit (`useStorageUsage`) as a labelled meter with its
 * figures in words, and how many videos. It refreshes when the hooks create or delete videos.
 *
 * `data-state`: `loading`, `error`, `ready`, `warning`, `full`, `unlimited`.
 */
export function StorageMeter({
  creator,
  warnAt = 0.8,
  headingLevel = 2,
  messages,
  className,
  ...rest
}: StorageMeterProps): ReactNode {
  const common = useCommonMessages();
  const text = useMediaTexts(storageMeterMessages, messages);
  const id = useId();
  const usage = useStorageUsage({ creator });
  const data = usage.data;
  const fraction = data ? storageFraction(data) : undefined;

  const state: StorageMeterState = data
    ? fraction === undefined
      ? "unlimited"
      : fraction >= 1
        ? "full"
        : fraction >= warnAt
          ? "warning"
          : "ready"
    : usage.error
      ? "error"
      : "loading";

  let body: ReactNode;
  if (data) {
    const used = Math.max(0, data.totalStorageMinutes ?? 0);
    const limit = data.totalStorageMinutesLimit ?? 0;
    const percent = fraction === undefined ? 0 : Math.round(fraction * 100);
    const figure =
      fraction === undefined
        ? text.usedNoLimit(text.minutes(used))
        : text.used(text.minutes(used), text.minutes(limit), percent);
    body = (
      <>
        {fraction !== undefined && (
          // biome-ignore lint/a11y/useSemanticElements: a bar themed by custom properties; <meter> cannot be styled alike across browsers
          <div
            role="meter"
            className="sk-storage__meter"
            aria-labelledby={`${id}-label`}
            aria-valuemin={0}
            aria-valuemax={limit}
            aria-valuenow={Math.min(used, limit)}
            aria-valuetext={figure}
            data-state={state}
          >
            <span className="sk-storage__fill" style={{ inlineSize: `${fraction * 100}%` }} />
          </div>
        )}
        <p className="sk-storage__figures">
          <span id={`${id}-label`} className="sk-storage__label">
            {text.meterLabel}
          </span>{" "}
          <span className="sk-storage__used">{figure}</span>
        </p>
        <p className="sk-storage__count">{text.videos(data.videoCount ?? 0)}</p>
        {(state === "warning" || state === "full") && (
          <p className="sk-alert" data-state={state}>
            {state === "full" ? text.full : text.nearlyFull}
          </p>
        )}
      </>
    );
  } else if (usage.error) {
    const fixable = !(usage.error instanceof StreamValidationError);
    body = (
      <RequestError error={usage.error} onRetry={fixable ? () => usage.refetch() : undefined} />
    );
  } else {
    body = (
      <p role="status" className="sk-status">
        {common.loading}
      </p>
    );
  }

  return (
    <section
      {...rest}
      className={cx("sk-storage", className)}
      aria-labelledby={`${id}-heading`}
      data-state={state}
    >
      <Heading level={headingLevel} id={`${id}-heading`}>
        {text.heading}
      </Heading>
      {creator !== undefined && <p className="sk-storage__creator">{text.creator(creator)}</p>}
      {body}
    </section>
  );
}

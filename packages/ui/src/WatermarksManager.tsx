import { StreamValidationError } from "@streamkit/core";
import { useDeleteWatermark, useWatermarks } from "@streamkit/hooks/media";
import { type HTMLAttributes, type ReactNode, useId, useRef, useState } from "react";
import { type MessagesOverride, useMediaTexts } from "./media/useMediaTexts";
import { isForbidden, WatermarkForm } from "./media/WatermarkForm";
import {
  positionName,
  type WatermarksMessages,
  watermarksMessages,
} from "./media/watermarkMessages";
import { useCommonMessages } from "./messages/context";
import { describeError } from "./messages/describeError";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";
import { watermarkPreview } from "./WatermarkPicker";

export interface WatermarksManagerProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** Level of the heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Show the form that creates profiles. Defaults to true. */
  createForm?: boolean;
  /** Some or all texts. */
  messages?: MessagesOverride<WatermarksMessages>;
}

/** `loading`, `error`, `forbidden` (the list was refused, 403), `empty`, `ready`. */
export type WatermarksManagerState = "loading" | "error" | "forbidden" | "empty" | "ready";

/**
 * The account's watermark profiles: each with its preview (when its image has a URL), name,
 * position, scale, opacity and size; a form that creates one from an image file or URL; and
 * delete with an inline confirmation whose Cancel gets focus. The reference proxy keeps
 * creating and deleting for admins: a 403 says so in plain words. Outcomes are announced in a
 * polite live region.
 *
 * `data-state`: `loading`, `error`, `forbidden`, `empty`, `ready`.
 */
export function WatermarksManager({
  headingLevel = 2,
  createForm = true,
  messages,
  className,
  ...rest
}: WatermarksManagerProps): ReactNode {
  const common = useCommonMessages();
  const text = useMediaTexts(watermarksMessages, messages);
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const list = useWatermarks();
  const remove = useDeleteWatermark();
  const [announcement, announce] = useState("");
  const [deleteError, setDeleteError] = useState<Error>();
  const profiles = list.data ?? [];

  const state: WatermarksManagerState = list.data
    ? profiles.length
      ? "ready"
      : "empty"
    : list.error
      ? isForbidden(list.error)
        ? "forbidden"
        : "error"
      : "loading";

  let body: ReactNode;
  if (list.data) {
    body = profiles.length ? (
      <ul className="sk-media__list" aria-label={text.list}>
        {profiles.map((profile) => {
          const name = profile.name || text.untitled;
          const src = watermarkPreview(profile);
          return (
            <li key={profile.uid} className="sk-media__item sk-watermark-item">
              {src ? (
                <img className="sk-watermark-preview" src={src} alt={text.preview(name)} />
              ) : (
                <span className="sk-watermark-preview" data-state="none" aria-hidden="true" />
              )}
              <span className="sk-watermark-option__text">
                <span className="sk-media__name">{name}</span>
                <span className="sk-watermark-option__meta">
                  {positionName(text.position, profile.position)} ·{" "}
                  {text.details({
                    scale: profile.scale ?? 0.15,
                    opacity: profile.opacity ?? 1,
                    width: profile.width,
                    height: profile.height,
                    size: profile.size,
                  })}
                </span>
              </span>
              <InlineConfirm
                label={text.delete}
                accessibleLabel={text.deleteProfile(name)}
                question={text.confirmDelete(name)}
                confirmLabel={text.confirm}
                cancelLabel={text.cancel}
                initialFocus="cancel"
                onConfirm={() => {
                  // The row goes away at once: keep focus in the panel.
                  section.current?.focus();
                  setDeleteError(undefined);
                  remove.mutate(profile.uid, {
                    onSuccess: () => announce(text.deleted(name)),
                    onError: setDeleteError,
                  });
                }}
              />
            </li>
          );
        })}
      </ul>
    ) : (
      <p className="sk-status">{text.empty}</p>
    );
  } else if (list.error) {
    body = isForbidden(list.error) ? (
      <p className="sk-alert" role="alert" data-reason="forbidden">
        {text.listForbidden}
      </p>
    ) : (
      <RequestError
        error={list.error}
        onRetry={list.error instanceof StreamValidationError ? undefined : () => list.refetch()}
      />
    );
  } else {
    body = (
      <p role="status" className="sk-status">
        {common.loading}
      </p>
    );
  }

  return (
    <MediaSection
      {...rest}
      ref={section}
      idBase={id}
      heading={text.heading}
      headingLevel={headingLevel}
      className={className}
      state={state}
      failure={null}
      announcement={announcement}
      footer={createForm && <WatermarkForm text={text} announce={announce} />}
    >
      {body}
      {deleteError && (
        <p className="sk-alert" role="alert">
          {isForbidden(deleteError)
            ? text.needsAdmin
            : common.requestFailed(describeError(deleteError))}
        </p>
      )}
    </MediaSection>
  );
}

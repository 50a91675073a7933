import { StreamValidationError } from "@streamkit/core";
import { type Caption, type CaptionStatus, captionStatus } from "@streamkit/core/captions";
import { useVideoStatus } from "@streamkit/hooks";
import { useCaptions, useDeleteCaption } from "@streamkit/hooks/captions";
import { type HTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { GenerateCaptionForm, UploadCaptionForm } from "./media/CaptionForms";
import { CaptionPreview } from "./media/CaptionPreview";
import { captionsMessages } from "./media/messages";
import { useCommonMessages, useMessages } from "./messages/context";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";

export interface CaptionsPanelProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video; a new uid shows that video's captions. */
  uid: string;
  /** Milliseconds between polls while a caption is generated. Defaults to the provider's policy. */
  intervalMs?: number;
  /** Level of the "Captions" heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** How many cues a caption's preview shows. Defaults to 5. */
  previewCues?: number;
}

const BADGE: Record<CaptionStatus, string> = {
  ready: "ready",
  inprogress: "processing",
  error: "error",
};

/**
 * A video's captions: each track with its language and status, a WebVTT upload, AI generation
 * in the API's languages (followed until ready), a preview of a ready caption's first cues
 * (`useCaptionText`), and delete with an inline confirm. Progress
 * and outcomes are announced through a polite live region.
 *
 * `data-state`: `loading`, `error` (the list could not be read), `empty`, `ready`, `generating`.
 */
export function CaptionsPanel({
  uid,
  intervalMs,
  headingLevel = 2,
  previewCues = 5,
  className,
  ...rest
}: CaptionsPanelProps): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("captions", captionsMessages);
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const list = useCaptions(uid, { intervalMs });
  const remove = useDeleteCaption();
  const { phase } = useVideoStatus(uid);
  const [announcement, announce] = useState("");
  const [deleteError, setDeleteError] = useState<Error>();
  const captions = list.data ?? [];
  useOutcomes(uid, captions, announce);
  // One preview open at a time, of a caption that is (still) there and ready; a new uid closes it.
  const [previewing, setPreviewing] = useState<{ uid: string; language: string }>();
  const previewButtons = useRef(new Map<string, HTMLButtonElement | null>());
  const previewed =
    previewing?.uid === uid
      ? captions.find((c) => c.language === previewing.language && captionStatus(c) === "ready")
      : undefined;
  const closePreview = () => {
    const language = previewed?.language;
    setPreviewing(undefined);
    if (language) previewButtons.current.get(language)?.focus();
  };

  const state = list.data
    ? captions.some((c) => captionStatus(c) === "inprogress")
      ? "generating"
      : captions.length
        ? "ready"
        : "empty"
    : list.error
      ? "error"
      : "loading";

  let body: ReactNode;
  if (list.data) {
    body = captions.length ? (
      <ul className="sk-media__list" aria-label={text.list}>
        {captions.map((caption) => {
          const status = captionStatus(caption);
          return (
            <li key={caption.language} className="sk-media__item" data-state={status}>
              <span className="sk-media__name">{caption.label}</span>
              <span className="sk-media__lang">{caption.language}</span>
              <span className="sk-badge" data-state={BADGE[status]}>
                <span className="sk-badge__dot" aria-hidden="true" />
                {text.status[status]}
              </span>
              {status === "ready" && (
                <button
                  ref={(button) => {
                    previewButtons.current.set(caption.language, button);
                  }}
                  type="button"
                  className="sk-button"
                  aria-label={text.previewCaption(caption.label)}
                  aria-expanded={previewed?.language === caption.language}
                  aria-controls={
                    previewed?.language === caption.language ? `${id}-preview` : undefined
                  }
                  onClick={() =>
                    previewed?.language === caption.language
                      ? closePreview()
                      : setPreviewing({ uid, language: caption.language })
                  }
                >
                  {text.preview}
                </button>
              )}
              <InlineConfirm
                label={text.delete}
                accessibleLabel={text.deleteCaption(caption.label)}
                question={text.confirmDelete(caption.label)}
                confirmLabel={text.confirm}
                cancelLabel={text.cancel}
                disabled={remove.isPending}
                onConfirm={() => {
                  // The row goes away: keep focus in the panel.
                  section.current?.focus();
                  setDeleteError(undefined);
                  remove.mutate(
                    { uid, language: caption.language },
                    {
                      onSuccess: () => announce(text.deleted(caption.label)),
                      onError: setDeleteError,
                    },
                  );
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
    const fixable = !(list.error instanceof StreamValidationError);
    body = <RequestError error={list.error} onRetry={fixable ? () => list.refetch() : undefined} />;
  } else {
    body = (
      <p role="status" className="sk-status">
        {messages.loading}
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
      failure={deleteError}
      announcement={announcement}
      footer={
        // A video that failed to process takes no captions: no forms that cannot work.
        phase === "error" ? undefined : (
          <>
            <UploadCaptionForm uid={uid} announce={announce} />
            <GenerateCaptionForm
              uid={uid}
              announce={announce}
              captions={captions}
              videoReady={phase === "ready"}
            />
          </>
        )
      }
    >
      {phase === "error" && captions.length === 0 ? (
        <p className="sk-status">{text.unavailable}</p>
      ) : (
        body
      )}
      {previewed && (
        <CaptionPreview
          key={previewed.language}
          id={`${id}-preview`}
          uid={uid}
          language={previewed.language}
          label={previewed.label}
          cues={previewCues}
          onClose={closePreview}
        />
      )}
    </MediaSection>
  );
}

/** Announces each generated caption that finishes (ready or failed) while the panel watches. */
function useOutcomes(uid: string, captions: Caption[], announce: (text: string) => void): void {
  const text = useMessages("captions", captionsMessages);
  const previous = useRef<{ uid: string; status: Map<string, CaptionStatus> }>(undefined);
  useEffect(() => {
    const before = previous.current?.uid === uid ? previous.current.status : undefined;
    previous.current = {
      uid,
      status: new Map(captions.map((c) => [c.language, captionStatus(c)])),
    };
    for (const caption of captions) {
      if (before?.get(caption.language) !== "inprogress") continue;
      const now = captionStatus(caption);
      if (now === "ready") announce(text.ready(caption.label));
      if (now === "error") announce(text.failed(caption.label));
    }
  }, [uid, captions, announce, text]);
}

import { StreamValidationError } from "@streamkit/core";
import type { DownloadStatus } from "@streamkit/core/captions";
import { useSignedToken, useVideoStatus } from "@streamkit/hooks";
import { useCreateDownload, useDeleteDownload, useDownloads } from "@streamkit/hooks/captions";
import { type HTMLAttributes, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { AudioDownload } from "./media/AudioDownload";
import { downloadFilename, withFilename } from "./media/downloadName";
import { downloadsMessages } from "./media/messages";
import { useCommonMessages, useMessages } from "./messages/context";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";

export interface DownloadsPanelProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video; a new uid shows that video's download. */
  uid: string;
  /**
   * A signed token made with `downloadable: true`, put in the link instead of the uid. A private
   * video (`requireSignedURLs`) can only be downloaded with one; without this prop the panel asks
   * the proxy for one (`useSignedToken`), and says so if it cannot get it.
   */
  token?: string;
  /** Milliseconds between polls while the MP4 is made. Defaults to the provider's policy. */
  intervalMs?: number;
  /** Level of the "Download" heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
}

/**
 * The video's MP4 download: make it, watch its progress (`<progress>`) until it is ready, then a
 * link to the file, and delete it with an inline confirm. The M4A (audio only) download sits
 * beside it, the same way, in a group of its own (its `data-state`: `none`, `inprogress`,
 * `ready`, `failed`). The start, the end and a failure are
 * announced through a polite live region; the percentages are not (the bar carries them).
 *
 * `data-state`: `loading`, `error` (could not be read), `none`, `inprogress`, `ready`, `failed`.
 */
export function DownloadsPanel({
  uid,
  token: givenToken,
  intervalMs,
  headingLevel = 2,
  className,
  ...rest
}: DownloadsPanelProps): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("downloads", downloadsMessages);
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const status = useVideoStatus(uid);
  // A private video's link needs a token that allows downloads; fetch one unless the app gave it.
  const signed = status.video?.requireSignedURLs === true && givenToken === undefined;
  const minted = useSignedToken(uid, { downloadable: true, enabled: signed });
  const token = givenToken ?? (signed ? minted.token : undefined);
  const downloads = useDownloads(uid, { intervalMs });
  const create = useCreateDownload();
  const remove = useDeleteDownload();
  const [announcement, announce] = useState("");
  const download = downloads.data?.default;
  const videoReady = status.phase === "ready";
  useOutcome(uid, download?.status, announce);

  const state = downloads.data
    ? download
      ? download.status === "error"
        ? "failed"
        : download.status
      : "none"
    : downloads.error
      ? "error"
      : "loading";
  const failure = create.error ?? remove.error;
  const start = () => create.mutate({ uid }, { onSuccess: () => announce(text.started) });
  const startButton = (label: string, describedBy?: string) => (
    <button
      type="button"
      className="sk-button"
      data-variant="primary"
      disabled={!videoReady}
      aria-describedby={describedBy}
      aria-disabled={create.isPending || undefined}
      onClick={() => {
        if (!create.isPending) start();
      }}
    >
      {create.isPending ? text.creating : label}
    </button>
  );
  const deleteButton = (
    <InlineConfirm
      label={text.delete}
      question={text.confirmDelete}
      confirmLabel={text.confirm}
      cancelLabel={text.cancel}
      disabled={remove.isPending}
      onConfirm={() => {
        section.current?.focus();
        remove.mutate({ uid }, { onSuccess: () => announce(text.deleted) });
      }}
    />
  );

  const failed = status.phase === "error";
  // The token in place of the uid for a private video; the file named after the video.
  const href = (url: string) =>
    withFilename(
      token ? url.replace(`/${uid}/`, `/${token}/`) : url,
      downloadFilename(status.video),
    );
  let body: ReactNode;
  if (failed && !download) {
    // Nothing can be made of a video that failed to process: say so, offer nothing.
    body = <p className="sk-status">{text.unavailable}</p>;
  } else if (state === "loading") {
    body = (
      <p role="status" className="sk-status">
        {messages.loading}
      </p>
    );
  } else if (state === "error" && downloads.error) {
    const fixable = !(downloads.error instanceof StreamValidationError);
    body = (
      <RequestError
        error={downloads.error}
        onRetry={fixable ? () => downloads.refetch() : undefined}
      />
    );
  } else if (!download) {
    body = (
      <>
        <p id={`${id}-why`} className="sk-status">
          {videoReady ? text.none : text.notReady}
        </p>
        <div className="sk-actions">{startButton(text.create, `${id}-why`)}</div>
      </>
    );
  } else if (download.status === "inprogress") {
    const percent = Math.floor(download.percentComplete);
    body = (
      <div className="sk-field">
        <label htmlFor={`${id}-progress`}>{text.preparing}</label>
        <div className="sk-media__progress">
          <progress id={`${id}-progress`} max={100} value={percent}>
            {messages.percent(percent)}
          </progress>
          <span aria-hidden="true">{messages.percent(percent)}</span>
        </div>
      </div>
    );
  } else if (download.status === "ready") {
    const url = download.url;
    const locked = status.video?.requireSignedURLs === true && !token;
    body = (
      <>
        {locked || !url ? (
          <p className="sk-status">{text.needsToken}</p>
        ) : (
          <p className="sk-media__link">
            <a className="sk-button" data-variant="primary" href={href(url)} download>
              {text.download}
            </a>
          </p>
        )}
        <div className="sk-actions">{deleteButton}</div>
      </>
    );
  } else {
    body = (
      <>
        <p className="sk-alert">{text.failed}</p>
        <div className="sk-actions">
          {startButton(text.retry)}
          {deleteButton}
        </div>
      </>
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
      failure={failure}
      announcement={announcement}
    >
      {body}
      {downloads.data && !failed && (
        <AudioDownload
          uid={uid}
          download={downloads.data.audio}
          videoReady={videoReady}
          href={href}
          locked={status.video?.requireSignedURLs === true && !token}
          announce={announce}
          focusPanel={() => section.current?.focus()}
        />
      )}
    </MediaSection>
  );
}

/** Announces the end of making the file (ready or failed) when the panel saw it under way. */
function useOutcome(
  uid: string,
  status: DownloadStatus | undefined,
  announce: (text: string) => void,
): void {
  const text = useMessages("downloads", downloadsMessages);
  const previous = useRef<{ uid: string; status: DownloadStatus | undefined }>(undefined);
  useEffect(() => {
    const before = previous.current?.uid === uid ? previous.current.status : undefined;
    previous.current = { uid, status };
    if (before !== "inprogress") return;
    if (status === "ready") announce(text.ready);
    if (status === "error") announce(text.failed);
  }, [uid, status, announce, text]);
}

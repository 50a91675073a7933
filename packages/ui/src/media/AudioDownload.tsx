import type { Download } from "@streamkit/core/captions";
import { useCreateDownload, useDeleteDownload } from "@streamkit/hooks/captions";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useCommonMessages, useMessages } from "../messages/context";
import { InlineConfirm } from "../parts/InlineConfirm";
import { FailureAlert } from "../parts/RequestError";
import { downloadsMessages } from "./messages";

/** `none`, `inprogress`, `ready`, `failed`: the M4A's `data-state`. */
export type AudioDownloadState = "none" | "inprogress" | "ready" | "failed";

/**
 * The M4A (`audio`) download of `DownloadsPanel`, beside the MP4: make it, its progress, the
 * link, delete. Its outcomes go to the panel's live region through `announce`.
 */
export function AudioDownload({
  uid,
  download,
  videoReady,
  href,
  locked,
  announce,
  focusPanel,
}: {
  uid: string;
  download: Download | undefined;
  videoReady: boolean;
  /** Turns the API's URL into the one to link (a token in place of the uid). */
  href: (url: string) => string;
  /** A private video without a token that allows downloads. */
  locked: boolean;
  announce: (text: string) => void;
  focusPanel: () => void;
}): ReactNode {
  const messages = useCommonMessages();
  const all = useMessages("downloads", downloadsMessages);
  const text = all.audio;
  const id = useId();
  const create = useCreateDownload();
  const remove = useDeleteDownload();
  const state: AudioDownloadState = !download
    ? "none"
    : download.status === "error"
      ? "failed"
      : download.status;
  useAudioOutcome(uid, download?.status, announce, text);

  const start = (label: string, describedBy?: string) => (
    <button
      type="button"
      className="sk-button"
      disabled={!videoReady}
      aria-describedby={describedBy}
      aria-disabled={create.isPending || undefined}
      onClick={() => {
        if (!create.isPending)
          create.mutate({ uid, type: "audio" }, { onSuccess: () => announce(text.started) });
      }}
    >
      {create.isPending ? text.creating : label}
    </button>
  );
  const deleteButton = (
    <InlineConfirm
      label={text.delete}
      question={text.confirmDelete}
      confirmLabel={all.confirm}
      cancelLabel={all.cancel}
      disabled={remove.isPending}
      onConfirm={() => {
        focusPanel();
        remove.mutate({ uid, type: "audio" }, { onSuccess: () => announce(text.deleted) });
      }}
    />
  );

  let body: ReactNode;
  if (!download) {
    body = (
      <>
        <p id={`${id}-why`} className="sk-status">
          {videoReady ? text.none : text.notReady}
        </p>
        <div className="sk-actions">{start(text.create, `${id}-why`)}</div>
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
    body = (
      <>
        {locked || !download.url ? (
          <p className="sk-status">{all.needsToken}</p>
        ) : (
          <p className="sk-media__link">
            <a className="sk-button" href={href(download.url)} download>
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
          {start(text.retry)}
          {deleteButton}
        </div>
      </>
    );
  }
  const failure = create.error ?? remove.error;
  return (
    <fieldset className="sk-downloads__audio" data-state={state}>
      <legend className="sk-media__name">{text.heading}</legend>
      {body}
      <FailureAlert error={failure} />
    </fieldset>
  );
}

function useAudioOutcome(
  uid: string,
  status: Download["status"] | undefined,
  announce: (text: string) => void,
  text: { ready: string; failed: string },
): void {
  const previous = useRef<{ uid: string; status: Download["status"] | undefined }>(undefined);
  useEffect(() => {
    const before = previous.current?.uid === uid ? previous.current.status : undefined;
    previous.current = { uid, status };
    if (before !== "inprogress") return;
    if (status === "ready") announce(text.ready);
    if (status === "error") announce(text.failed);
  }, [uid, status, announce, text]);
}

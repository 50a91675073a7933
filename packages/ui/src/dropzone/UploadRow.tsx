import type { UploadItem } from "@streamkit/hooks/upload";
import type { LiHTMLAttributes, ReactNode } from "react";
import { cx } from "../cx";
import { useCommonMessages } from "../messages/context";
import { VideoStatusBadge } from "../VideoStatusBadge";
import { type DropzoneLimits, failure, refusal } from "./describe";
import { useDropzoneTexts } from "./useDropzoneTexts";

export interface UploadRowActions {
  pause(id: string): void;
  resume(id: string): void;
  cancel(id: string): void;
  retry(id: string): void;
  remove(id: string): void;
}

const SENDING = new Set(["queued", "validating", "uploading", "paused"]);

/**
 * One file: name, size, a progress bar while sending, the status badge once Stream has it, and
 * two buttons whose elements stay put as the state changes (pause ⇄ resume ⇄ retry; cancel →
 * remove), so keyboard focus is never dropped. Visible texts are short; accessible names carry
 * the file's name ("Pause cat.mp4").
 */
export function UploadRow({
  item,
  actions,
  limits,
  className,
  ...rest
}: Omit<LiHTMLAttributes<HTMLLIElement>, "children"> & {
  item: UploadItem;
  actions: UploadRowActions;
  limits: DropzoneLimits;
}): ReactNode {
  const messages = useCommonMessages();
  const texts = useDropzoneTexts();
  const { text } = texts;
  const sending = SENDING.has(item.state);
  const refused = refusal(item, texts, limits);
  const failed = refused ? undefined : failure(item, texts);
  const primary =
    item.state === "paused"
      ? { short: text.buttons.resume, label: text.resume(item.name), run: actions.resume }
      : sending
        ? { short: text.buttons.pause, label: text.pause(item.name), run: actions.pause }
        : item.state === "error" && item.canRetry
          ? { short: text.buttons.retry, label: text.retry(item.name), run: actions.retry }
          : undefined;
  const badge = item.uid !== undefined && !sending && item.state !== "cancelled" && !failed;
  const percent = messages.percent(item.percent);

  return (
    <li
      {...rest}
      className={cx("sk-upload", className)}
      data-state={item.state}
      data-protocol={item.protocol}
    >
      <div className="sk-upload__head">
        <span className="sk-upload__name">{item.name}</span>
        <span className="sk-upload__size">{text.formatSize(item.bytesTotal)}</span>
      </div>
      {sending && (
        <div className="sk-upload__progress">
          <progress
            max={100}
            value={item.percent}
            aria-label={text.progress(item.name)}
            aria-valuetext={`${percent}, ${text.state[item.state]}`}
          />
          <span className="sk-upload__status" aria-hidden="true">
            {item.state === "uploading" || item.state === "paused"
              ? `${text.state[item.state]} · ${percent}`
              : text.state[item.state]}
          </span>
        </div>
      )}
      {badge && item.uid && <VideoStatusBadge uid={item.uid} variant="full" announce={false} />}
      {item.state === "cancelled" && (
        <span className="sk-upload__status">{text.state.cancelled}</span>
      )}
      {(refused ?? failed) && <p className="sk-upload__error">{refused ?? failed}</p>}
      <div className="sk-upload__actions">
        {primary && (
          <button
            type="button"
            className="sk-button"
            data-action="primary"
            aria-label={primary.label}
            onClick={() => primary.run(item.id)}
          >
            {primary.short}
          </button>
        )}
        <button
          type="button"
          className="sk-button"
          data-action="secondary"
          data-variant={sending ? "danger" : undefined}
          aria-label={sending ? text.cancel(item.name) : text.remove(item.name)}
          onClick={() => (sending ? actions.cancel(item.id) : actions.remove(item.id))}
        >
          {sending ? text.buttons.cancel : text.buttons.remove}
        </button>
      </div>
    </li>
  );
}

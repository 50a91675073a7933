import { StreamValidationError } from "@streamkit/core";
import { useCaptionText } from "@streamkit/hooks/captions";
import { type ReactNode, useEffect, useRef } from "react";
import { useCommonMessages, useMessages } from "../messages/context";
import { RequestError } from "../parts/RequestError";
import { captionsMessages } from "./messages";

export interface Cue {
  start: string;
  end: string;
  text: string;
}

/** The cues of a WebVTT text, the first `max` of them; `total` counts them all. */
export function parseCues(vtt: string, max: number): { cues: Cue[]; total: number } {
  const blocks = vtt.replace(/\r\n?/g, "\n").split(/\n{2,}/);
  const cues: Cue[] = [];
  let total = 0;
  for (const block of blocks) {
    const lines = block.split("\n");
    const at = lines.findIndex((line) => line.includes("-->"));
    if (at < 0) continue;
    total += 1;
    if (cues.length >= max) continue;
    const [start = "", rest = ""] = (lines[at] ?? "").split("-->");
    cues.push({
      start: start.trim(),
      end: rest.trim().split(/\s+/)[0] ?? "",
      // Tags such as <v Speaker> or <i> are markup, not text.
      text: lines
        .slice(at + 1)
        .join("\n")
        .replace(/<[^>]*>/g, ""),
    });
  }
  return { cues, total };
}

/**
 * The first cues of one caption, in a labelled region with a Close button that returns focus
 * to the button that opened it.
 */
export function CaptionPreview({
  uid,
  language,
  label,
  id,
  cues: max,
  onClose,
}: {
  uid: string;
  language: string;
  label: string;
  id: string;
  cues: number;
  onClose: () => void;
}): ReactNode {
  const common = useCommonMessages();
  const text = useMessages("captions", captionsMessages);
  const query = useCaptionText(uid, language);
  const region = useRef<HTMLElement>(null);
  useEffect(() => {
    region.current?.focus();
  }, []);

  let body: ReactNode;
  if (query.data !== undefined) {
    const { cues, total } = parseCues(query.data, max);
    body = cues.length ? (
      <>
        <ol className="sk-caption-preview__cues">
          {cues.map((cue, i) => (
            <li key={i}>
              <span className="sk-caption-preview__time">
                {cue.start} – {cue.end}
              </span>
              <span className="sk-caption-preview__text">{cue.text}</span>
            </li>
          ))}
        </ol>
        {total > cues.length && (
          <p className="sk-status">{text.previewMore(total - cues.length)}</p>
        )}
      </>
    ) : (
      <p className="sk-status">{text.previewEmpty}</p>
    );
  } else if (query.error) {
    const fixable = !(query.error instanceof StreamValidationError);
    body = (
      <RequestError error={query.error} onRetry={fixable ? () => query.refetch() : undefined} />
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
      ref={region}
      id={id}
      tabIndex={-1}
      className="sk-caption-preview"
      aria-label={text.previewHeading(label)}
      data-state={query.data !== undefined ? "ready" : query.error ? "error" : "loading"}
    >
      <div className="sk-caption-preview__head">
        <span className="sk-media__name">{text.previewHeading(label)}</span>
        <button type="button" className="sk-button" onClick={onClose}>
          {text.previewClose}
        </button>
      </div>
      {body}
    </section>
  );
}

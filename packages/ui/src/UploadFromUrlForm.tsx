import {
  assertHttpUrl,
  type CopyVideoRequest,
  StreamValidationError,
  type Video,
} from "@streamkit/core";
import { useUploadFromUrl } from "@streamkit/hooks";
import {
  type FormEvent,
  type FormHTMLAttributes,
  type ReactNode,
  useId,
  useRef,
  useState,
} from "react";
import { cx } from "./cx";
import { useMessages } from "./messages/context";
import { uploadMessages } from "./messages/upload";
import { Field } from "./parts/Field";
import { FailureAlert } from "./parts/RequestError";
import { useControllableState } from "./parts/useControllableState";
import { videoName } from "./parts/videoName";
import { nameFromUrl } from "./upload/nameFromUrl";
import { UploadProgress } from "./upload/UploadProgress";

/** Settings sent with every copy: `meta`, `creator`, `requireSignedURLs`, `allowedOrigins`, … */
export type UploadFromUrlOptions = Omit<CopyVideoRequest, "input" | "url" | "name">;

export interface UploadFromUrlFormProps
  extends Omit<FormHTMLAttributes<HTMLFormElement>, "onSubmit" | "children"> {
  /** The URL field's text, controlled (with `onUrlChange`). */
  url?: string;
  /**
   * The URL field's text at mount, uncontrolled. Defaults to `""`. Later values are ignored, as
   * for an input's `defaultValue`: control `url`, or change the form's `key`, to replace it.
   */
  defaultUrl?: string;
  /** Every change of the URL field: typing, and clearing it once a copy was accepted. */
  onUrlChange?: (url: string) => void;
  /** Show the optional name field (sent as `meta.name`). Defaults to true. */
  nameField?: boolean;
  /** Sent with every copy request. A typed name wins over `meta.name` here. */
  copyOptions?: UploadFromUrlOptions;
  /**
   * The watermark profile applied to each new copy (its `watermark`); wins over
   * `copyOptions.watermark`. Pair it with a `WatermarkPicker` (from `@streamkit/ui/media`) in
   * `fields`.
   */
  watermark?: { uid: string };
  /** More fields inside the form, after the built-in ones: a `WatermarkPicker`, say. */
  fields?: ReactNode;
  /** The copy was accepted: the video exists, in `downloading`. */
  onUploaded?: (video: Video) => void;
  /** The video is ready to play. Called once per upload. */
  onReady?: (video: Video) => void;
}

type FormState = "idle" | "submitting" | "invalid" | "failed";

/**
 * Copy a video into Stream from a URL. The URL is checked before any request (the error shows
 * under the field); each accepted upload then shows its live progress until ready.
 *
 * `data-state`: `idle`, `submitting`, `invalid`, `failed`.
 */
export function UploadFromUrlForm({
  url: urlProp,
  defaultUrl = "",
  onUrlChange,
  nameField = true,
  copyOptions,
  watermark,
  fields,
  onUploaded,
  onReady,
  className,
  ...rest
}: UploadFromUrlFormProps): ReactNode {
  const text = useMessages("upload", uploadMessages);
  const id = useId();
  const urlInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useControllableState({
    prop: urlProp,
    defaultProp: defaultUrl,
    onChange: onUrlChange,
    caller: "UploadFromUrlForm",
    name: "url",
  });
  const [name, setName] = useState("");
  const [urlError, setUrlError] = useState<string>();
  // Each started copy with the URL it came from, so a failed one can give its URL back.
  const [uploads, setUploads] = useState<{ video: Video; input: string }[]>([]);
  const currentUrl = useRef(url);
  currentUrl.current = url;
  const [announcement, setAnnouncement] = useState("");
  const latest = useRef({ onUploaded, onReady });
  latest.current = { onUploaded, onReady };
  const upload = useUploadFromUrl();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (upload.isPending) return;
    const input = url.trim();
    try {
      assertHttpUrl(input, "url");
    } catch (error) {
      setUrlError(error instanceof StreamValidationError ? detail(error) : String(error));
      urlInput.current?.focus();
      return;
    }
    setUrlError(undefined);
    const label = name.trim();
    // Without a name of its own a copy is named after its file, as an uploaded file is.
    const fileName = copyOptions?.meta?.name === undefined ? nameFromUrl(input) : undefined;
    const meta = {
      ...(fileName ? { name: fileName } : {}),
      ...copyOptions?.meta,
      ...(label ? { name: label } : {}),
    };
    const request: CopyVideoRequest = {
      ...copyOptions,
      ...(watermark ? { watermark: { uid: watermark.uid } } : {}),
      input,
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
    };
    upload.mutate(request, {
      onSuccess: (video) => {
        setUploads((list) => [{ video, input }, ...list.filter((u) => u.video.uid !== video.uid)]);
        setUrl("");
        setName("");
        setAnnouncement(text.started(videoName(video, input)));
        latest.current.onUploaded?.(video);
      },
    });
  };

  const state: FormState = upload.isPending
    ? "submitting"
    : urlError
      ? "invalid"
      : upload.isError
        ? "failed"
        : "idle";

  return (
    <form
      {...rest}
      className={cx("sk-form", className)}
      data-state={state}
      noValidate
      onSubmit={submit}
    >
      <Field
        id={`${id}-url`}
        label={text.urlLabel}
        error={
          urlError && (
            <>
              {text.invalidUrl} ({urlError})
            </>
          )
        }
      >
        {(control) => (
          <input
            {...control}
            ref={urlInput}
            className="sk-input"
            type="url"
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            required
            placeholder={text.urlPlaceholder}
            value={url}
            onChange={(event) => setUrl(event.target.value)}
          />
        )}
      </Field>
      {nameField && (
        <Field id={`${id}-name`} label={text.nameLabel}>
          {(control) => (
            <input
              {...control}
              className="sk-input"
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
      )}
      {fields}
      <div className="sk-actions">
        <button
          type="submit"
          className="sk-button"
          data-variant="primary"
          aria-disabled={upload.isPending || undefined}
        >
          {upload.isPending ? text.submitting : text.submit}
        </button>
      </div>
      <FailureAlert error={upload.error} />
      <p role="status" className="sk-visually-hidden">
        {announcement}
      </p>
      {uploads.length > 0 && (
        <ul className="sk-list" aria-label={text.uploads}>
          {uploads.map(({ video, input }) => (
            <UploadProgress
              key={video.uid}
              video={video}
              onReady={(ready) => latest.current.onReady?.(ready)}
              onError={() => {
                // The URL was cleared when the copy started; a copy that failed (origin 404,
                // unreachable host) puts it back to correct, unless something new was typed.
                if (currentUrl.current === "") setUrl(input);
              }}
            />
          ))}
        </ul>
      )}
    </form>
  );
}

/** The message of a validation error without its `field: ` prefix. */
function detail(error: StreamValidationError): string {
  const prefix = `${error.field}: `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}

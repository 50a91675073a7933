import { StreamValidationError } from "@streamkit/core";
import type { WatermarkProfile } from "@streamkit/core/media";
import { useWatermarks } from "@streamkit/hooks/media";
import { type FieldsetHTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { type MessagesOverride, useMediaTexts } from "./media/useMediaTexts";
import {
  positionName,
  type WatermarkPickerMessages,
  watermarkPickerMessages,
} from "./media/watermarkMessages";
import { useCommonMessages } from "./messages/context";
import { RequestError } from "./parts/RequestError";
import { useControllableState } from "./parts/useControllableState";

export interface WatermarkPickerProps
  extends Omit<FieldsetHTMLAttributes<HTMLFieldSetElement>, "onChange" | "defaultValue"> {
  /** The chosen profile's uid, controlled (with `onChange`); `null` is "no watermark". */
  value?: string | null;
  /** The choice at mount, uncontrolled. Defaults to none. */
  defaultValue?: string | null;
  /** Every change: a profile's uid, or `undefined` for no watermark. */
  onChange?: (uid: string | undefined) => void;
  /** The group's visible label. Defaults to "Watermark". */
  label?: string;
  /** The radio inputs' `name` (one is made unless given). */
  name?: string;
  /** Some or all texts. */
  messages?: MessagesOverride<WatermarkPickerMessages>;
}

/** `loading`, `error`, `empty` (no profiles) or `ready`. */
export type WatermarkPickerState = "loading" | "error" | "empty" | "ready";

/** An image the profile came from that a page can show (its `downloadedFrom`), if any. */
export function watermarkPreview(profile: WatermarkProfile): string | undefined {
  const from = profile.downloadedFrom;
  return typeof from === "string" && /^(https?:|data:image\/)/.test(from) ? from : undefined;
}

/**
 * Choose one of the account's watermark profiles, or none: a group of radio buttons (arrow
 * keys move the choice), each with the profile's name, position and width, and a small
 * preview when its image has a URL. Controlled (`value` + `onChange`) or not (`defaultValue`).
 * Pair it with `UploadFromUrlForm`'s or `UploadDropzone`'s `watermark` and `fields` props.
 *
 * `data-state` on the fieldset: `loading`, `error`, `empty`, `ready`; `data-state="checked"` on
 * the chosen option.
 */
export function WatermarkPicker({
  value: valueProp,
  defaultValue = null,
  onChange,
  label,
  name,
  messages,
  disabled,
  className,
  ...rest
}: WatermarkPickerProps): ReactNode {
  const common = useCommonMessages();
  const text = useMediaTexts(watermarkPickerMessages, messages);
  const id = useId();
  const group = name ?? `${id}-watermark`;
  const list = useWatermarks();
  const [value, setValue] = useControllableState<string | null>({
    prop: valueProp,
    defaultProp: defaultValue,
    onChange: (next) => onChange?.(next ?? undefined),
    caller: "WatermarkPicker",
    name: "value",
  });
  const profiles = list.data ?? [];
  // A uid that is not (or no longer) a profile shows as no watermark.
  const chosen = profiles.some((p) => p.uid === value) ? value : null;
  const state: WatermarkPickerState = list.data
    ? profiles.length
      ? "ready"
      : "empty"
    : list.error
      ? "error"
      : "loading";

  const option = (uid: string | null, content: ReactNode, key: string) => {
    const checked = chosen === uid;
    const ids = `${id}-${key}`;
    return (
      <label
        key={key}
        className="sk-watermark-option"
        data-state={checked ? "checked" : "unchecked"}
      >
        <input
          type="radio"
          name={group}
          value={uid ?? ""}
          checked={checked}
          disabled={disabled}
          aria-labelledby={`${ids}-name`}
          aria-describedby={uid ? `${ids}-meta` : undefined}
          onChange={() => setValue(uid)}
        />
        {content}
      </label>
    );
  };

  const ids = (key: string) => `${id}-${key}`;
  return (
    <fieldset
      {...rest}
      className={cx("sk-watermark-picker", className)}
      data-state={state}
      aria-busy={state === "loading" || undefined}
      disabled={disabled}
    >
      <legend>{label ?? text.label}</legend>
      {option(
        null,
        <span id={`${ids("none")}-name`} className="sk-watermark-option__name">
          {text.none}
        </span>,
        "none",
      )}
      {profiles.map((profile) => {
        const title = profile.name || text.untitled;
        const src = watermarkPreview(profile);
        const position = positionName(text.position, profile.position);
        return option(
          profile.uid,
          <>
            {src && <img className="sk-watermark-preview" src={src} alt="" />}
            <span className="sk-watermark-option__text">
              <span id={`${ids(profile.uid)}-name`} className="sk-watermark-option__name">
                {title}
              </span>
              <span id={`${ids(profile.uid)}-meta`} className="sk-watermark-option__meta">
                {text.summary(position, Math.round((profile.scale ?? 0.15) * 100))}
              </span>
            </span>
          </>,
          profile.uid,
        );
      })}
      {state === "loading" && (
        <p role="status" className="sk-status">
          {common.loading}
        </p>
      )}
      {state === "empty" && <p className="sk-status">{text.empty}</p>}
      {list.error && !list.data && (
        <RequestError
          error={list.error}
          onRetry={list.error instanceof StreamValidationError ? undefined : () => list.refetch()}
        />
      )}
    </fieldset>
  );
}

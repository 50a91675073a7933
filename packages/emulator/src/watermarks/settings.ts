import {
  MAX_WATERMARK_NAME_LENGTH,
  WATERMARK_POSITIONS,
  type WatermarkPosition,
} from "@streamkit/core/requests";
import { badRequest } from "../envelope";
import { Fields } from "../http/body";
import { formText } from "../http/multipart";
import type { WatermarkPlacement } from "./store";

/** Stream's defaults (§3.13). */
export const WATERMARK_DEFAULTS: WatermarkPlacement = {
  name: "",
  opacity: 1,
  padding: 0.05,
  scale: 0.15,
  position: "upperRight",
};

/** The placement fields of a JSON body, defaults filled in; each wrong value is a 400. */
export function readPlacement(fields: Fields): WatermarkPlacement {
  const position = fields.string("position", 32);
  if (position !== undefined && !(WATERMARK_POSITIONS as readonly string[]).includes(position)) {
    throw badRequest(
      `position: expected one of ${WATERMARK_POSITIONS.join(", ")}, got ${JSON.stringify(position)}.`,
    );
  }
  return {
    name: fields.string("name", MAX_WATERMARK_NAME_LENGTH) ?? WATERMARK_DEFAULTS.name,
    opacity: fields.number("opacity", 0, 1) ?? WATERMARK_DEFAULTS.opacity,
    padding: fields.number("padding", 0, 1) ?? WATERMARK_DEFAULTS.padding,
    scale: fields.number("scale", 0, 1) ?? WATERMARK_DEFAULTS.scale,
    position: (position as WatermarkPosition | undefined) ?? WATERMARK_DEFAULTS.position,
  };
}

/**
 * The same fields from a multipart form, where everything is text: numbers are parsed first so
 * that the checks (and their messages) are the JSON ones. A blank field counts as absent, as
 * `curl -F opacity=` sends it.
 */
export function placementFromForm(form: FormData): WatermarkPlacement {
  const body: Record<string, unknown> = {};
  for (const name of ["name", "position"]) {
    const value = formText(form, name);
    if (value !== undefined && (name === "name" || value !== "")) body[name] = value;
  }
  for (const name of ["opacity", "padding", "scale"]) {
    const value = formText(form, name)?.trim();
    if (value === undefined || value === "") continue;
    const number = Number(value);
    body[name] = Number.isFinite(number) ? number : value;
  }
  return readPlacement(new Fields(body));
}

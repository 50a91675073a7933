const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/**
 * Seconds from `12`, `12.5`, `1s`, `8m`, `5m2s` or `1h2m3s` (the forms thumbnail `time` and
 * iframe `startTime` accept). `undefined` when the text is none of them.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = DURATION.exec(value);
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

/** A host name, optionally with a `*.` wildcard in front and a port (the emulator accepts ports). */
const HOST =
  /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(:\d{1,5})?$/i;

/**
 * The `allowedOrigins` textarea: one host per line (blank lines ignored). `invalid` lists the
 * lines that are not `example.com` or `*.example.com`, e.g. a pasted `https://example.com/`.
 */
export function parseAllowedOrigins(text: string): { origins: string[]; invalid: string[] } {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
  return {
    origins: lines,
    invalid: lines.filter((line) => !HOST.test(line) || line.length > 253),
  };
}

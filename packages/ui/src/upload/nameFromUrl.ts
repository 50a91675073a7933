/**
 * The file name at the end of a URL's path ("Big%20Buck.mp4" → "Big Buck.mp4"), the name a person
 * expects a copied video to carry; `undefined` when the path ends in a folder.
 */
export function nameFromUrl(input: string): string | undefined {
  let path: string;
  try {
    path = new URL(input).pathname;
  } catch {
    return undefined;
  }
  const last = path.split("/").pop() ?? "";
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A stray "%" is part of the name, not an escape.
  }
  name = name.trim();
  return name === "" ? undefined : name;
}

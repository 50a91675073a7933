/** A picture standing in for a frame: a colour from the id, the frame time, a moving dot if animated. */
export function thumbnailSvg(id: string, query: URLSearchParams, animated: boolean): string {
  const width = Number(query.get("width") ?? 640);
  const height = Number(query.get("height") ?? 360);
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  const seconds = Number.parseFloat(query.get("time") ?? "0") || 0;
  const hue = (hash + seconds * 7) % 360;
  const size = Math.max(10, Math.round(height / 6));
  const dot = animated
    ? `<circle r="${size / 2}" cy="${height - size}" fill="#fff"><animate attributeName="cx" values="${size};${width - size};${size}" dur="2s" repeatCount="indefinite"/></circle>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="hsl(${hue} 55% 40%)"/><text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="${size}" text-anchor="middle" dominant-baseline="middle">${seconds.toFixed(1)} s</text>${dot}</svg>`;
}

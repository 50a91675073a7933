import { open } from "node:fs/promises";

export interface Mp4Info {
  duration: number;
  width: number;
  height: number;
  hasVideo: boolean;
  hasAudio: boolean;
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  size: number;
}

function* boxes(buffer: Buffer, start: number, end: number): Generator<Box> {
  let offset = start;
  while (offset + 8 <= end) {
    let size = buffer.readUInt32BE(offset);
    const type = buffer.toString("latin1", offset + 4, offset + 8);
    let headerSize = 8;
    if (size === 1) {
      if (offset + 16 > end) return;
      size = Number(buffer.readBigUInt64BE(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - offset;
    }
    if (size < headerSize || offset + size > end) return;
    yield { type, start: offset, headerSize, size };
    offset += size;
  }
}

function child(buffer: Buffer, parent: Box, type: string): Box | undefined {
  for (const box of boxes(buffer, parent.start + parent.headerSize, parent.start + parent.size)) {
    if (box.type === type) return box;
  }
  return undefined;
}

/** Finds the `moov` box among the top-level boxes without reading the media data. */
async function readMoov(file: string): Promise<Buffer | undefined> {
  const handle = await open(file, "r");
  try {
    const { size: fileSize } = await handle.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= fileSize) {
      await handle.read(header, 0, 16, offset);
      let size = header.readUInt32BE(0);
      const type = header.toString("latin1", 4, 8);
      if (size === 1) size = Number(header.readBigUInt64BE(8));
      else if (size === 0) size = fileSize - offset;
      if (size < 8) return undefined;
      if (type === "moov") {
        if (size > 64 * 1024 * 1024) return undefined;
        const moov = Buffer.alloc(size);
        await handle.read(moov, 0, size, offset);
        return moov;
      }
      offset += size;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

/**
 * Duration, picture size and tracks of an MP4/MOV, read from its `moov` box. Degraded mode uses it
 * in place of ffprobe, so videos still get `duration` and `input` without ffmpeg.
 */
export async function readMp4Info(file: string): Promise<Mp4Info | undefined> {
  const moov = await readMoov(file);
  if (!moov) return undefined;
  const root: Box = { type: "moov", start: 0, headerSize: 8, size: moov.length };
  const info: Mp4Info = { duration: -1, width: -1, height: -1, hasVideo: false, hasAudio: false };
  const mvhd = child(moov, root, "mvhd");
  if (mvhd) {
    const body = mvhd.start + mvhd.headerSize;
    const version = moov[body];
    const timescale = moov.readUInt32BE(body + (version === 1 ? 20 : 12));
    const duration =
      version === 1 ? Number(moov.readBigUInt64BE(body + 24)) : moov.readUInt32BE(body + 16);
    if (timescale > 0) info.duration = duration / timescale;
  }
  for (const trak of boxes(moov, root.start + root.headerSize, root.size)) {
    if (trak.type !== "trak") continue;
    const mdia = child(moov, trak, "mdia");
    const hdlr = mdia && child(moov, mdia, "hdlr");
    const handler = hdlr
      ? moov.toString("latin1", hdlr.start + hdlr.headerSize + 8, hdlr.start + hdlr.headerSize + 12)
      : "";
    if (handler === "soun") info.hasAudio = true;
    if (handler === "vide") {
      info.hasVideo = true;
      const tkhd = child(moov, trak, "tkhd");
      if (tkhd) {
        const end = tkhd.start + tkhd.size;
        info.width = Math.round(moov.readUInt32BE(end - 8) / 65536);
        info.height = Math.round(moov.readUInt32BE(end - 4) / 65536);
      }
    }
  }
  return info;
}

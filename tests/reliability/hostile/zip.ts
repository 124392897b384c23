/**
 * A small zip reader and writer for building hostile files: real workbooks with one entry patched, and
 * archives whose headers say what a crafted file would say (sizes, counts, offsets, ZIP64 markers),
 * which no well-behaved library would write. Only what the corpus needs: stored and deflated entries,
 * no ZIP64, no encryption (except the flag, to be refused).
 */
import { createDeflateRaw, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The uncompressed contents; ignored when `raw` is given. */
  data?: Uint8Array;
  /** Already-compressed bytes (method 8) written as they are, for bombs compressed by streaming. */
  raw?: { bytes: Uint8Array; size: number; crc: number };
  /** 0 stored, 8 deflated (the default), anything else to be refused. */
  method?: number;
  /** What the central directory and local header declare instead of the truth. */
  declare?: { size?: number; compressedSize?: number; crc?: number; flags?: number; offset?: number };
  /** No data of its own: a central directory record under this name pointing at that entry's local header. */
  aliasOf?: string;
  /** Extra fields for the central directory record (such as an Info-ZIP Unicode Path, 0x7075). */
  centralExtra?: Buffer;
}

export interface ZipOptions {
  /** What the end-of-central-directory record declares instead of the truth. */
  eocd?: { entries?: number; entriesOnDisk?: number; cdSize?: number; cdOffset?: number; disk?: number };
  /** Central directory records to write more than once (the same local entry listed again). */
  repeatCentral?: number;
  /** A ZIP64 end-of-central-directory locator before the EOCD. */
  zip64Locator?: boolean;
  comment?: string | Buffer;
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n & 0xffff);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** Writes a zip, honest unless an entry or the options say otherwise. */
export function writeZip(entries: ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const written = new Map<string, { common: Buffer[]; offset: number }>();
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (entry.aliasOf !== undefined) {
      const target = written.get(entry.aliasOf);
      if (!target) throw new Error(`writeZip: alias of unknown entry ${entry.aliasOf}`);
      const common = [...target.common.slice(0, -2), u16(name.length), u16(0)];
      centrals.push(Buffer.concat([u32(0x02014b50), u16(0x031e), ...common, u16(0), u16(0), u16(0), u32(0), u32(target.offset), name]));
      continue;
    }
    const method = entry.raw ? 8 : (entry.method ?? 8);
    const data = entry.data ?? new Uint8Array(0);
    const body = entry.raw ? entry.raw.bytes : method === 8 ? deflateRawSync(data) : data;
    const size = entry.declare?.size ?? (entry.raw ? entry.raw.size : data.byteLength);
    const compressed = entry.declare?.compressedSize ?? body.byteLength;
    const crc = entry.declare?.crc ?? (entry.raw ? entry.raw.crc : crc32(data));
    const flags = entry.declare?.flags ?? 0x0800; // names in UTF-8
    const common = [u16(20), u16(flags), u16(method), u16(0), u16(0x5821), u32(crc), u32(compressed), u32(size), u16(name.length), u16(0)];
    const local = Buffer.concat([u32(0x04034b50), ...common, name, body]);
    const extra = entry.centralExtra ?? Buffer.alloc(0);
    const central = Buffer.concat([
      u32(0x02014b50),
      u16(0x031e),
      ...common.slice(0, -1),
      u16(extra.length),
      u16(0),
      u16(0),
      u16(0),
      u32(0),
      u32(entry.declare?.offset ?? offset),
      name,
      extra,
    ]);
    written.set(entry.name, { common, offset });
    locals.push(local);
    centrals.push(central);
    offset += local.byteLength;
  }
  const repeated = Array.from({ length: options.repeatCentral ?? 0 }, () => centrals).flat();
  const cd = Buffer.concat([...centrals, ...repeated]);
  const count = centrals.length + repeated.length;
  const comment =
    typeof options.comment === 'string' || options.comment === undefined ? Buffer.from(options.comment ?? '', 'utf8') : options.comment;
  const e = options.eocd ?? {};
  const locator = options.zip64Locator ? Buffer.concat([u32(0x07064b50), u32(0), u32(0), u32(0), u32(1)]) : Buffer.alloc(0);
  const eocd = Buffer.concat([
    u32(0x06054b50),
    u16(e.disk ?? 0),
    u16(e.disk ?? 0),
    u16(e.entriesOnDisk ?? e.entries ?? count),
    u16(e.entries ?? count),
    u32(e.cdSize ?? cd.byteLength),
    u32(e.cdOffset ?? offset),
    u16(comment.length),
    comment,
  ]);
  return Buffer.concat([...locals, cd, locator, eocd]);
}

/** The entries of an honest zip (such as exceljs writes), in order, inflated. */
/** Every entry, inflated, with where its stored (compressed) bytes lie in the file. */
export function readZip(bytes: Uint8Array): { name: string; data: Buffer; stored: { start: number; length: number } }[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = buf.byteLength - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('readZip: no end of central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: { name: string; data: Buffer; stored: { start: number; length: number } }[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const skip = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(body) : Buffer.from(body), stored: { start, length: compressed } });
    at += 46 + skip;
  }
  return entries;
}

/** A real workbook with some entries' text changed (or added), everything else as it was. */
export function patchZip(bytes: Uint8Array, patch: Record<string, (text: string) => string>): Buffer {
  const entries = readZip(bytes);
  const patched: ZipEntry[] = entries.map(({ name, data }) =>
    patch[name]
      ? { name, data: Buffer.from(patch[name](data.toString('utf8')), 'utf8') }
      : { name, data, method: data.byteLength === 0 ? 0 : 8 },
  );
  for (const [name, change] of Object.entries(patch)) {
    if (!entries.some((e) => e.name === name)) patched.push({ name, data: Buffer.from(change(''), 'utf8') });
  }
  return writeZip(patched);
}

/** The text of one entry of a workbook. */
export function entryText(bytes: Uint8Array, name: string): string {
  const found = readZip(bytes).find((e) => e.name === name);
  if (!found) throw new Error(`no entry ${name}`);
  return found.data.toString('utf8');
}

/**
 * Deflates what `chunks` yields through a zlib stream, so that hundreds of MiB never sit in memory at
 * once: the compressed bytes, the uncompressed size and CRC-32, ready for ZipEntry.raw.
 */
export async function deflateStreaming(chunks: Iterable<Uint8Array>): Promise<{ bytes: Buffer; size: number; crc: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let size = 0;
  let crc = 0;
  for (const chunk of chunks) {
    size += chunk.byteLength;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  const ended = new Promise<void>((resolve, reject) => {
    deflate.once('end', resolve);
    deflate.once('error', reject);
  });
  deflate.end();
  await ended;
  return { bytes: Buffer.concat(out), size, crc };
}

/** `mib` MiB of zero bytes, one MiB at a time. */
export function* zeros(mib: number): Generator<Uint8Array> {
  const chunk = new Uint8Array(1024 * 1024);
  for (let i = 0; i < mib; i++) yield chunk;
}

/** An Info-ZIP Unicode Path extra field (0x7075) giving the entry at `rawName` the name `unicodeName`. */
export function unicodePathField(rawName: string, unicodeName: string): Buffer {
  const name = Buffer.from(unicodeName, 'utf8');
  return Buffer.concat([u16(0x7075), u16(5 + name.length), Buffer.from([1]), u32(crc32(Buffer.from(rawName, 'utf8'))), name]);
}

import { inflateRawSync } from 'node:zlib';

/**
 * Just enough of ZIP to open a WACZ (a zip of WARC files and a page list) without trusting it:
 * the central directory is read for names and offsets, each wanted entry is inflated with Node's
 * zlib under a cap on its output, and the number of entries and the total inflated size are
 * capped too, so a zip bomb is refused instead of filling memory. No zip64, no encryption, no
 * multi-disk archives: WACZ writers do not need them for files under the snapshot limit.
 */

export interface ZipLimits {
  /** Most entries the central directory may list. */
  maxEntries: number;
  /** Most bytes all inflated entries together may come to. */
  maxTotalBytes: number;
}

export class ZipReadError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ZipReadError';
  }
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

export class ZipReader {
  private readonly view: DataView;
  private readonly entries: ZipEntry[];
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.entries = this.readDirectory();
  }

  get names(): string[] {
    return this.entries.map((entry) => entry.name);
  }

  /** The inflated bytes of one entry; throws when it is damaged or would pass the caps. */
  read(name: string): Uint8Array {
    const entry = this.entries.find((candidate) => candidate.name === name);
    if (!entry) throw new ZipReadError(`it has no “${name}”`);
    if ((entry.flags & 0x1) !== 0) throw new ZipReadError(`“${name}” is encrypted`);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || this.view.getUint32(at, true) !== LOCAL_HEADER) throw new ZipReadError(`“${name}” is damaged`);
    const dataStart = at + 30 + this.view.getUint16(at + 26, true) + this.view.getUint16(at + 28, true);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > this.bytes.length) throw new ZipReadError(`“${name}” is cut short (the file may be truncated)`);
    const data = this.bytes.subarray(dataStart, dataEnd);
    const room = this.limits.maxTotalBytes - this.inflated;
    if (entry.size > room) throw tooLarge(this.limits);
    let out: Uint8Array;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, room) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(this.limits);
        throw new ZipReadError(`“${name}” is damaged`);
      }
    } else {
      throw new ZipReadError(`“${name}” uses a compression method Warrant does not read`);
    }
    if (out.length !== entry.size) throw new ZipReadError(`“${name}” is damaged (its size does not match the directory)`);
    this.inflated += out.length;
    return out;
  }

  private readDirectory(): ZipEntry[] {
    const end = this.findEndOfDirectory();
    const count = this.view.getUint16(end + 10, true);
    const size = this.view.getUint32(end + 12, true);
    const offset = this.view.getUint32(end + 16, true);
    if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw new ZipReadError('it is a zip64 archive');
    if (count > this.limits.maxEntries)
      throw new ZipReadError(`it lists more than ${this.limits.maxEntries.toLocaleString('en-US')} files`);
    if (offset + size > end) throw new ZipReadError('its directory is damaged (the file may be truncated)');
    const entries: ZipEntry[] = [];
    let at = offset;
    for (let index = 0; index < count; index += 1) {
      if (at + 46 > end || this.view.getUint32(at, true) !== DIRECTORY_ENTRY) throw new ZipReadError('its directory is damaged');
      const nameLength = this.view.getUint16(at + 28, true);
      const entry: ZipEntry = {
        flags: this.view.getUint16(at + 8, true),
        method: this.view.getUint16(at + 10, true),
        compressedSize: this.view.getUint32(at + 20, true),
        size: this.view.getUint32(at + 24, true),
        localOffset: this.view.getUint32(at + 42, true),
        name: new TextDecoder().decode(this.bytes.subarray(at + 46, at + 46 + nameLength)),
      };
      if (entry.compressedSize === ZIP64_MARK || entry.size === ZIP64_MARK || entry.localOffset === ZIP64_MARK) {
        throw new ZipReadError('it is a zip64 archive');
      }
      entries.push(entry);
      at += 46 + nameLength + this.view.getUint16(at + 30, true) + this.view.getUint16(at + 32, true);
    }
    return entries;
  }

  /** The end-of-directory record is in the last 22 bytes plus up to 64 KB of comment. */
  private findEndOfDirectory(): number {
    const lowest = Math.max(0, this.bytes.length - 22 - 0xffff);
    for (let at = this.bytes.length - 22; at >= lowest; at -= 1) {
      if (this.view.getUint32(at, true) === END_OF_DIRECTORY) return at;
    }
    throw new ZipReadError('it is not a complete zip file (the file may be truncated)');
  }
}

function tooLarge(limits: ZipLimits): ZipReadError {
  return new ZipReadError(`it unpacks to more than ${Math.round(limits.maxTotalBytes / (1024 * 1024))} MB`);
}

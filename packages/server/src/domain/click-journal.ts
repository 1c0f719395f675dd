import { close, fsync, ftruncateSync, openSync, readdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from '../db/data-dir-lock.js';
import { decodeClick, encodeClick, type JournaledClick } from './tracked-click.js';

const SEGMENT_NAME = /^clicks-(\d{10})\.jsonl$/;
const segmentName = (seq: number): string => `clicks-${String(seq).padStart(10, '0')}.jsonl`;

/** A journal file: appended to while active, deleted once every click in it is in the database. */
interface Segment {
  seq: number;
  path: string;
  fd: number | undefined;
  /** Bytes written (or found at start): the reader never reads past them. */
  size: number;
  /** Clicks handed to the recorder and not yet acknowledged. */
  inFlight: number;
  /** Written since the last fsync. */
  dirty: boolean;
}

export interface ClickJournalOptions {
  /** A new file once the active one reaches this size, so a backlog can be deleted file by file. */
  segmentBytes?: number;
  /** How often written clicks are forced to the disk: what a power loss may lose. */
  fsyncIntervalMs?: number;
  /** Who holds the folder, for the message a second opener gets. */
  holder?: string;
}

/** Where the first click not handed to the recorder lies. */
interface Cursor {
  seq: number;
  offset: number;
}

const READ_CHUNK_BYTES = 1 << 20;

/**
 * The instance's click journal: every click answered by the redirect is
 * appended to a file (one `write()`, so the OS keeps it across `kill -9`)
 * before the 302 goes out, and forced to the disk every second (a power
 * loss loses at most that second). The recorder acknowledges clicks once
 * committed; a file whose clicks are all committed is truncated (the
 * active one) or deleted (older ones), so the journal holds only what is
 * not in the database yet. See docs/clicks-durability.md.
 *
 * Clicks the recorder cannot hold in memory (its backlog is full, or a
 * previous process left files behind) stay "unread" here: `readUnread()`
 * hands them over later, in order. A torn line (a crash in the middle of a
 * write) is skipped and counted, never fatal.
 */
export class ClickJournal {
  readonly dir: string;
  readonly #segments = new Map<number, Segment>();
  readonly #segmentBytes: number;
  readonly #release: () => void;
  readonly #temporary: boolean;
  readonly #fsyncTimer: ReturnType<typeof setInterval>;
  readonly #pendingCloses = new Set<Promise<void>>();
  #active: Segment | undefined;
  #nextSeq: number;
  #cursor: Cursor | undefined;
  #unread: number;
  #dirNeedsSync = false;
  #skippedLines = 0;
  #closed = false;

  private constructor(dir: string, temporary: boolean, release: () => void, found: Segment[], unread: number, options: ClickJournalOptions) {
    this.dir = dir;
    this.#temporary = temporary;
    this.#release = release;
    this.#segmentBytes = options.segmentBytes ?? 8 * 1024 * 1024;
    for (const segment of found) this.#segments.set(segment.seq, segment);
    this.#nextSeq = Math.max(0, ...found.map((segment) => segment.seq)) + 1;
    this.#cursor = found[0] && { seq: found[0].seq, offset: 0 };
    this.#unread = unread;
    this.#fsyncTimer = setInterval(() => this.#sync(), options.fsyncIntervalMs ?? 1_000);
    this.#fsyncTimer.unref();
  }

  /**
   * Opens (creating) the journal in `dir`, or in a new temporary folder
   * removed on close when `dir` is undefined (in-memory databases in tests).
   * Files left by an earlier process are kept as unread clicks.
   */
  static async open(dir: string | undefined, options: ClickJournalOptions = {}): Promise<ClickJournal> {
    const temporary = dir === undefined;
    const folder = dir ?? (await mkdtemp(join(tmpdir(), 'advocacy-clicks-')));
    await mkdir(folder, { recursive: true });
    const release = lockDataDir(folder, options.holder ?? 'another server instance');
    try {
      const found: Segment[] = [];
      let unread = 0;
      for (const file of readdirSync(folder).sort()) {
        const match = SEGMENT_NAME.exec(file);
        if (!match) continue;
        const path = join(folder, file);
        const size = statSync(path).size;
        found.push({ seq: Number(match[1]), path, fd: undefined, size, inFlight: 0, dirty: false });
        unread += await countLines(path);
      }
      return new ClickJournal(folder, temporary, release, found, unread, options);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** Clicks in the journal not handed to the recorder yet (exact for this run; lines of earlier files, torn ones included). */
  get unread(): number {
    return this.#unread;
  }

  get hasUnread(): boolean {
    return this.#cursor !== undefined;
  }

  /** Torn or unreadable lines skipped so far. */
  get skippedLines(): number {
    return this.#skippedLines;
  }

  /**
   * Appends one click (synchronously: once this returns, a crash of the
   * process cannot lose it). With `hold`, and when nothing is waiting
   * unread before it, the caller keeps the click in memory and gets the
   * segment to acknowledge; otherwise it is left for `readUnread()` and
   * this returns undefined. Throws when the disk refuses the write.
   */
  append(click: JournaledClick, hold: boolean): number | undefined {
    if (this.#closed) throw new Error('The click journal is closed.');
    const segment = this.#activeSegment();
    const bytes = Buffer.from(`${encodeClick(click)}\n`);
    const offset = segment.size;
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(segment.fd!, bytes, written, bytes.length - written);
    } catch (error) {
      this.#abandonPartialWrite(segment, offset);
      throw error;
    }
    segment.size += bytes.length;
    segment.dirty = true;
    let held: number | undefined;
    if (hold && this.#cursor === undefined) {
      segment.inFlight += 1;
      held = segment.seq;
    } else {
      this.#cursor ??= { seq: segment.seq, offset };
      this.#unread += 1;
    }
    if (segment.size >= this.#segmentBytes) this.#rotate();
    return held;
  }

  /**
   * Hands over up to `max` unread clicks, oldest first, each with the
   * segment to acknowledge. Lines appended meanwhile stay for the next call.
   */
  async readUnread(max: number): Promise<{ click: JournaledClick; segment: number }[]> {
    if (max <= 0) return [];
    const taken: { click: JournaledClick; segment: number }[] = [];
    while (this.#cursor && taken.length < max && !this.#closed) {
      const cursor = this.#cursor;
      const segment = this.#segments.get(cursor.seq);
      if (!segment || cursor.offset >= segment.size) {
        this.#advancePast(cursor.seq);
        continue;
      }
      const length = Math.min(READ_CHUNK_BYTES, segment.size - cursor.offset);
      const chunk = await readAt(segment.path, cursor.offset, length);
      // The cursor only moves here, and one reader runs at a time (the recorder's flush chain).
      let consumed = 0;
      while (taken.length < max) {
        const end = chunk.indexOf(10, consumed);
        if (end < 0) break;
        const click = decodeClick(chunk.toString('utf8', consumed, end));
        consumed = end + 1;
        this.#unread = Math.max(0, this.#unread - 1);
        if (click) {
          taken.push({ click, segment: segment.seq });
          segment.inFlight += 1;
        } else {
          this.#skippedLines += 1;
        }
      }
      if (consumed === 0 && length === segment.size - cursor.offset && segment !== this.#active) {
        // A last line without its newline: torn by a crash mid-write.
        this.#skippedLines += 1;
        this.#unread = Math.max(0, this.#unread - 1);
        consumed = length;
      } else if (consumed === 0 && length === READ_CHUNK_BYTES) {
        this.#skippedLines += 1; // a line longer than a chunk is not one of ours
        consumed = length;
      } else if (consumed === 0) {
        break; // nothing whole to read yet
      }
      cursor.offset += consumed;
      if (cursor.offset >= segment.size) this.#advancePast(segment.seq);
    }
    return taken;
  }

  /** The recorder committed (or gave up on) clicks from these segments, one entry per click. */
  acknowledge(segments: readonly number[]): void {
    const touched = new Set<Segment>();
    for (const seq of segments) {
      const segment = this.#segments.get(seq);
      if (!segment) continue;
      segment.inFlight -= 1;
      touched.add(segment);
    }
    for (const segment of touched) this.#releaseIfDone(segment);
  }

  /** Forces what was written to the disk, closes the files, and releases the folder. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#fsyncTimer);
    await Promise.all([...this.#pendingCloses]);
    for (const segment of this.#segments.values()) {
      if (segment.fd === undefined) continue;
      await new Promise<void>((resolve) => fsync(segment.fd!, () => close(segment.fd!, () => resolve())));
      segment.fd = undefined;
    }
    this.#release();
    if (this.#temporary) await rm(this.dir, { recursive: true, force: true });
  }

  #activeSegment(): Segment {
    if (this.#active) return this.#active;
    const seq = this.#nextSeq++;
    const path = join(this.dir, segmentName(seq));
    const segment: Segment = { seq, path, fd: openSync(path, 'a', 0o600), size: 0, inFlight: 0, dirty: false };
    this.#segments.set(seq, segment);
    this.#active = segment;
    this.#dirNeedsSync = true;
    return segment;
  }

  /** A write that failed may have left part of a line: cut it off, or stop using the file. */
  #abandonPartialWrite(segment: Segment, size: number): void {
    try {
      ftruncateSync(segment.fd!, size);
    } catch {
      this.#rotate();
    }
  }

  #rotate(): void {
    const segment = this.#active;
    if (!segment) return;
    this.#active = undefined;
    this.#closeFile(segment);
    this.#releaseIfDone(segment);
  }

  #closeFile(segment: Segment): void {
    const fd = segment.fd;
    if (fd === undefined) return;
    segment.fd = undefined;
    const closing = new Promise<void>((resolve) => fsync(fd, () => close(fd, () => resolve())));
    this.#pendingCloses.add(closing);
    void closing.then(() => this.#pendingCloses.delete(closing));
  }

  /** The cursor read all of segment `seq`: on to the next file, or nothing is unread any more. */
  #advancePast(seq: number): void {
    const later = [...this.#segments.keys()].filter((other) => other > seq).sort((a, b) => a - b)[0];
    if (later === undefined) {
      this.#cursor = undefined;
      this.#unread = 0;
    } else {
      this.#cursor = { seq: later, offset: 0 };
    }
    const segment = this.#segments.get(seq);
    if (segment) this.#releaseIfDone(segment);
  }

  /** Every click of the segment read and committed: truncate it (active) or delete it. */
  #releaseIfDone(segment: Segment): void {
    if (segment.inFlight > 0 || (this.#cursor && this.#cursor.seq <= segment.seq)) return;
    if (segment === this.#active) {
      if (segment.size === 0) return;
      try {
        ftruncateSync(segment.fd!, 0);
        segment.size = 0;
      } catch {
        this.#rotate();
      }
      return;
    }
    this.#closeFile(segment);
    this.#segments.delete(segment.seq);
    try {
      unlinkSync(segment.path);
    } catch {
      // Already gone; a file that stays is read again on start and its clicks skipped as recorded.
    }
  }

  #sync(): void {
    for (const segment of this.#segments.values()) {
      if (!segment.dirty || segment.fd === undefined) continue;
      segment.dirty = false;
      fsync(segment.fd, () => {});
    }
    if (this.#dirNeedsSync) {
      this.#dirNeedsSync = false;
      // A new file's name must reach the disk too, or a power loss could lose the whole file.
      void open(this.dir, 'r').then((handle) => handle.sync().finally(() => handle.close())).catch(() => {});
    }
  }
}

async function readAt(path: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, offset);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function countLines(path: string): Promise<number> {
  const handle = await open(path, 'r');
  try {
    let lines = 0;
    let last = 10;
    for await (const chunk of handle.createReadStream() as AsyncIterable<Buffer>) {
      for (let index = chunk.indexOf(10); index >= 0; index = chunk.indexOf(10, index + 1)) lines += 1;
      if (chunk.length > 0) last = chunk[chunk.length - 1]!;
    }
    return lines + (last === 10 ? 0 : 1);
  } finally {
    await handle.close();
  }
}

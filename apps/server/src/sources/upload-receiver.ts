import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** What arrived: its size, its sha256 and its first bytes (to tell what it is). */
export interface ReceivedFile {
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly head: Buffer;
}

/** An upload past the size limit; the partial file is gone. */
export class UploadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`the upload is larger than ${limitBytes} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** How many of the first bytes are kept to tell what the file is. */
const headBytes = 64 * 1024;

/**
 * Streams `body` to `path` (created, never overwritten), hashing and counting
 * as it goes, so the file is never whole in memory: backpressure holds the
 * sender to the disk's pace. Past `limitBytes` it stops with an
 * {@link UploadTooLargeError}; on any failure the partial file is removed.
 */
export async function receiveToFile(body: Readable, path: string, limitBytes: number): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  const heads: Buffer[] = [];
  let headLength = 0;
  let sizeBytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sizeBytes += chunk.length;
      if (sizeBytes > limitBytes) {
        done(new UploadTooLargeError(limitBytes));
        return;
      }
      hash.update(chunk);
      if (headLength < headBytes) {
        const part = chunk.subarray(0, headBytes - headLength);
        heads.push(Buffer.from(part));
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(path, { flags: 'wx', mode: 0o640 }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return { sizeBytes, sha256: hash.digest('hex'), head: Buffer.concat(heads) };
}

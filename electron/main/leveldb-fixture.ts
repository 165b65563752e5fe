/** Test fixture: LevelDB log files written as LevelDB's log::Writer writes them (doc/log_format.md). */
import { crc32c, maskCrc } from './leveldb-repair';

const BLOCK_SIZE = 32768;
const HEADER_SIZE = 7;

/** The bytes of a log holding these logical records, fragmented across blocks as LevelDB does. */
export function encodeLog(records: Uint8Array[]): Buffer {
  const out: Buffer[] = [];
  let blockOffset = 0;
  for (const record of records) {
    let left = record.length;
    let at = 0;
    let begin = true;
    do {
      const blockLeft = BLOCK_SIZE - blockOffset;
      if (blockLeft < HEADER_SIZE) {
        out.push(Buffer.alloc(blockLeft));
        blockOffset = 0;
      }
      const available = BLOCK_SIZE - blockOffset - HEADER_SIZE;
      const length = Math.min(left, available);
      const end = left === length;
      const type = begin && end ? 1 : begin ? 2 : end ? 4 : 3;
      const body = Buffer.concat([Buffer.from([type]), record.subarray(at, at + length)]);
      const header = Buffer.alloc(HEADER_SIZE);
      header.writeUInt32LE(maskCrc(crc32c(body)), 0);
      header.writeUInt16LE(length, 4);
      header.writeUInt8(type, 6);
      out.push(header, body.subarray(1));
      blockOffset += HEADER_SIZE + length;
      at += length;
      left -= length;
      begin = false;
    } while (left > 0);
  }
  return Buffer.concat(out);
}

/** A record of `size` bytes whose content says which one it is. */
export function recordOf(index: number, size: number): Buffer {
  const bytes = Buffer.alloc(size, index % 251);
  bytes.writeUInt32LE(index, 0);
  return bytes;
}

import { closeSync, openSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { ndjsonChunks, type GeneratedCase } from '@case-journey/synthetic';

export interface WriteTally {
  cases: number;
  events: number;
  bytes: number;
}

/** Where NDJSON goes, about a megabyte at a time. */
export interface NdjsonSink {
  write(buffer: Buffer): void | Promise<void>;
  close(): void;
}

const WRITE_BYTES = 1 << 20;

/** A local file, written synchronously in large writes: the fastest way to disk. */
export function fileSink(path: string): NdjsonSink {
  const fd = openSync(path, 'w');
  return {
    write(buffer) {
      for (let offset = 0; offset < buffer.length; ) offset += writeSync(fd, buffer, offset);
    },
    close: () => closeSync(fd),
  };
}

/** A stream such as stdout, waited on whenever it asks to drain. */
export function streamSink(stream: Writable): NdjsonSink {
  return {
    write: (buffer) => (stream.write(buffer) ? undefined : new Promise<void>((resolve) => stream.once('drain', resolve))),
    close: () => undefined,
  };
}

/** Each case's lines as one chunk: by default its events as stored. */
export type ChunksOf = (cases: Iterable<GeneratedCase>) => Iterable<string>;

/** Writes each case's events, one a line, in the order the cases come. */
export async function writeNdjson(cases: Iterable<GeneratedCase>, sink: NdjsonSink, chunksOf: ChunksOf = ndjsonChunks): Promise<WriteTally> {
  const tally: WriteTally = { cases: 0, events: 0, bytes: 0 };
  let pending = '';
  const flush = async (): Promise<void> => {
    const buffer = Buffer.from(pending, 'utf8');
    pending = '';
    tally.bytes += buffer.length;
    await sink.write(buffer);
  };
  try {
    for (const chunk of chunksOf(counted(cases, tally))) {
      pending += chunk;
      if (pending.length >= WRITE_BYTES) await flush();
    }
    if (pending) await flush();
  } finally {
    sink.close();
  }
  return tally;
}

function* counted(cases: Iterable<GeneratedCase>, tally: WriteTally): Generator<GeneratedCase> {
  for (const generated of cases) {
    tally.cases += 1;
    tally.events += generated.events.length;
    yield generated;
  }
}

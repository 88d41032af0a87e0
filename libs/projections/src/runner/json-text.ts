/**
 * An answer already serialised as JSON (as Redis keeps it, or as a cache keeps it): the API sends
 * the text as it is rather than parsing it and writing it again. Whoever serialises it anyway
 * gets the same JSON.
 */
export class JsonText<T = unknown> {
  private encoded?: Buffer;

  constructor(
    readonly text: string,
    /** A strong ETag for the text, when one is already known (computed once for a cached answer). */
    readonly etag?: string,
  ) {}

  /** The text as UTF-8, encoded once however often the same answer is sent (a kept worklist page, kept figures). */
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text));
  }

  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}

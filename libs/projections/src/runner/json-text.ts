/**
 * An answer already serialised as JSON (as Redis keeps it, or as a cache keeps it): the API sends
 * the text as it is rather than parsing it and writing it again. Whoever serialises it anyway
 * gets the same JSON.
 */
export class JsonText<T = unknown> {
  constructor(
    readonly text: string,
    /** A strong ETag for the text, when one is already known (computed once for a cached answer). */
    readonly etag?: string,
  ) {}

  toJSON(): T {
    return JSON.parse(this.text) as T;
  }
}

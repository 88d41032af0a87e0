/**
 * Where a projection's read model lives in Redis: `{prefix}:{projection}:v{version}:…`. A rebuild
 * writes the next version beside the live one and readers follow the `current` pointer, so a
 * switch is one SET and dropping the old version is deleting its prefix.
 */
export class ProjectionKeys {
  readonly base: string;

  constructor(
    readonly prefix: string,
    readonly projection: string,
    readonly version: number,
  ) {
    this.base = `${prefix}:${projection}:v${version}`;
  }

  /** A key of this version; parts are URI-encoded when they hold anything but plain characters. */
  key(...parts: string[]): string {
    return `${this.base}:${parts.map(keyPart).join(':')}`;
  }

  /** A key of this version from a suffix already made of encoded parts. */
  within(suffix: string): string {
    return `${this.base}:${suffix}`;
  }

  /** Position of the last event applied, committed with the changes it caused. */
  get checkpoint(): string {
    return this.key('checkpoint');
  }

  /** Events applied, and when the last one was stored: what /health reports as lag. */
  get progress(): string {
    return this.key('progress');
  }

  /** Every key of this version, for SCAN. */
  get pattern(): string {
    return `${this.base}:*`;
  }

  at(version: number): ProjectionKeys {
    return new ProjectionKeys(this.prefix, this.projection, version);
  }
}

/** The version readers use, outside any version's keys. */
export const currentVersionKey = (prefix: string, projection: string): string => `${prefix}:${projection}:current`;

const PLAIN = /^[A-Za-z0-9._~/-]*$/;

export function keyPart(part: string): string {
  return PLAIN.test(part) ? part : encodeURIComponent(part);
}

/** Where the log ended when a projection began replaying it from the start; gone once it caught up (/health is degraded meanwhile). */
export const catchingUpKey = (prefix: string, projection: string): string => `${prefix}:${projection}:catching-up`;

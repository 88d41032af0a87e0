/** A problem document the API answered with (RFC 9457), kept whole so a page can show its fields' errors. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemDocument,
  ) {
    super(body.detail ?? body.title ?? `The API answered ${status}`);
  }
}

/** The API did not answer: it could not be reached, or it took longer than the web app waits. */
export class ApiUnreachable extends Error {
  constructor(
    readonly timedOut: boolean,
    cause: unknown,
  ) {
    super(timedOut ? 'The case journey service took too long to answer' : 'The case journey service could not be reached', { cause });
  }
}

export interface ProblemDocument {
  status?: number;
  title?: string;
  detail?: string;
  field?: string;
  errors?: Array<{ field: string; message?: string; messages?: string[] }>;
  [key: string]: unknown;
}

export type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * The API over HTTP, as the signed-in user: every call carries their access token, so the API's
 * own policy decides what they may read and record. Nothing here decides access.
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    private readonly accessToken: string | undefined,
    /** How long a call may take, its answer's body read included, before the page says the service did not answer. */
    private readonly timeoutMs = 30_000,
  ) {}

  async get<T>(path: string, query: Query = {}): Promise<T> {
    return (await this.send('GET', path, query)).json() as Promise<T>;
  }

  /** The raw answer, for a download (CSV) passed on as it is. */
  async download(path: string, query: Query, accept: string): Promise<Response> {
    return this.send('GET', path, query, undefined, { accept });
  }

  async post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send('POST', path, {}, body, headers)).json() as Promise<T>;
  }

  private async send(method: string, path: string, query: Query, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const url = new URL(path, `${this.baseUrl}/`);
    for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') url.searchParams.set(name, String(value));
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(this.accessToken && { authorization: `Bearer ${this.accessToken}` }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((error: unknown) => {
      throw new ApiUnreachable(error instanceof DOMException && error.name === 'TimeoutError', error);
    });
    if (response.ok) return response;
    const text = await response.text();
    let problem: ProblemDocument;
    try {
      problem = JSON.parse(text) as ProblemDocument;
    } catch {
      problem = { status: response.status, detail: text.slice(0, 300) };
    }
    throw new ApiProblem(response.status, problem);
  }
}

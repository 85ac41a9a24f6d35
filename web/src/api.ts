/** Calls the JSON API; errors carry the server's message and field details. */

export interface FieldIssue {
  path: string;
  message: string;
}

/** What the server says went wrong: `{ error: { code, message, details?, reason?, params? } }`. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: FieldIssue[];
  reason?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
    /** The message's name and values, to say it in the reader's language. */
    readonly reason?: { reason: string; params?: Record<string, string | number> },
  ) {
    super(message);
  }

  /** The error a reply's body describes. */
  static from(status: number, statusText: string, error: ErrorBody | undefined): ApiError {
    return new ApiError(
      status,
      error?.code ?? 'error',
      error?.message ?? statusText,
      error?.details,
      error?.reason ? { reason: error.reason, params: error.params } : undefined,
    );
  }
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('content-type', 'application/json');
  const organisation = currentOrganisation();
  if (organisation) headers.set('x-organisation', organisation);
  const res = await fetch(`/api${path}`, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: ErrorBody } | null;
    throw ApiError.from(res.status, res.statusText, body?.error ?? undefined);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A query string from the set values of an object. */
export function toQuery(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const ORGANISATION_KEY = 'integra.organisation';

/** The organisation the user chose to work in (for people in several). */
export function currentOrganisation(): string | null {
  try {
    return localStorage.getItem(ORGANISATION_KEY);
  } catch {
    return null;
  }
}

export function chooseOrganisation(id: string) {
  localStorage.setItem(ORGANISATION_KEY, id);
}

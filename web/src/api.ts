/** Calls the JSON API; errors carry the server's message and field details. */

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
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
    const body = (await res.json().catch(() => null)) as {
      error?: { code: string; message: string; details?: FieldIssue[] };
    } | null;
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'error',
      body?.error?.message ?? res.statusText,
      body?.error?.details,
    );
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

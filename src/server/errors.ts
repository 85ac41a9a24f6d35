/**
 * The one error set of Integra. Services throw these; the HTTP edge maps them once to a status
 * and `{ error: { code, message, details? } }`, the CLI to a message on stderr and an exit code.
 */

export interface FieldIssue {
  /** Dotted path of the field, e.g. "recommendations.2.actions.0.due.to". */
  path: string;
  message: string;
}

/** The values a reason is said with: names, numbers. */
export type ReasonParams = Record<string, string | number>;

export class AppError extends Error {
  /** Why, more precisely than `code`, for saying it in the reader's language (`errors.reason.<reason>`). */
  reason?: string;
  params?: ReasonParams;

  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Names the reason (and the values it is said with): `throw new Invalid('…').because('emptyFile')`. */
  because(reason: string, params?: ReasonParams): this {
    this.reason = reason;
    this.params = params;
    return this;
  }
}

export class Invalid extends AppError {
  constructor(message: string, details?: FieldIssue[]) {
    super('invalid', 400, message, details);
  }
}
export class Unauthenticated extends AppError {
  constructor(message = 'Sign in first.') {
    super('unauthenticated', 401, message);
  }
}
export class NotFound extends AppError {
  constructor(what = 'record') {
    super('not_found', 404, `No such ${what}.`);
  }
}
export class Forbidden extends AppError {
  constructor(message = 'You may not do this.') {
    super('forbidden', 403, message);
  }
}
export class Conflict extends AppError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}
export class TooLarge extends AppError {
  constructor(message: string) {
    super('too_large', 413, message);
  }
}
export class TooMany extends AppError {
  constructor(message = 'Too many attempts; wait a minute and try again.') {
    super('too_many', 429, message);
  }
}
export class Unavailable extends AppError {
  constructor(message: string) {
    super('unavailable', 503, message);
  }
}
export class Unsupported extends AppError {
  constructor(message: string) {
    super('unsupported', 415, message);
  }
}

/** Turns a zod error into field-level issues. */
export function fieldIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): FieldIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** Maps PostgreSQL errors by SQLSTATE code (never by message text) into the error set. */
export function fromDatabaseError(err: unknown): AppError | null {
  const code =
    typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const cause =
    typeof err === 'object' && err !== null && 'cause' in err ? (err as { cause: unknown }).cause : null;
  switch (code) {
    case '23505':
      return new Conflict('A record with these values already exists.');
    case '23503':
      return new Invalid('This refers to a record that does not exist.');
    case '23514':
    case '22P02':
    case '22007':
    case '22008':
    case '22001':
    case '22003':
    case '22025':
    case '2201B':
      return new Invalid('A value is out of range or malformed.');
    // Text PostgreSQL cannot store: NUL (22P05 in a JSON value, 22021 in text) or an invalid byte.
    case '22P05':
    case '22021':
      return new Invalid(
        'The request contains a character that cannot be stored (a NUL character, \\u0000, or invalid UTF-8); remove it and try again.',
      );
    case '54000':
      return new TooLarge('A value is too large to store or search.');
    default:
      return cause ? fromDatabaseError(cause) : null;
  }
}

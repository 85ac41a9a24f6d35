/**
 * better-auth's refusals in our words: every one becomes a code of the API's error set (invalid,
 * unauthenticated, forbidden, not_found, conflict, too_large, too_many, unavailable, internal),
 * with the status that goes with it and a message a person can act on. better-auth's own codes
 * (INVALID_EMAIL_OR_PASSWORD, VALIDATION_ERROR…) never reach clients.
 */
import type { FieldIssue } from '../../server/errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

export interface ApiError {
  status: number;
  code: string;
  message: string;
  details?: FieldIssue[];
}

const STATUS: Record<string, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  too_many: 429,
  internal: 500,
  unavailable: 503,
};

const BY_STATUS: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported',
  429: 'too_many',
  503: 'unavailable',
};
const byStatus = (status: number) => BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'invalid');

/** What to say when better-auth's own message would not help (or would say too much). */
const GENERIC: Record<string, string> = {
  internal: 'Something went wrong on the server.',
  unavailable: 'Signing in is not available right now; try again later.',
  not_found: 'No such route.',
  too_many: 'Too many attempts; wait a minute and try again.',
  unauthenticated: 'Sign in first.',
  forbidden: 'You may not do this.',
};

const passwordField = (path: string) =>
  /reset-password|change-password/.test(path) ? 'newPassword' : 'password';

/** better-auth's codes we know, in our words. */
function known(authCode: string, path: string): Omit<ApiError, 'status'> | null {
  switch (authCode) {
    case 'INVALID_EMAIL_OR_PASSWORD':
    case 'INVALID_PASSWORD':
      return { code: 'unauthenticated', message: 'Wrong email or password.' };
    case 'INVALID_EMAIL':
      return {
        code: 'invalid',
        message: 'That is not an email address.',
        details: [{ path: 'email', message: 'not a valid email address' }],
      };
    case 'PASSWORD_TOO_SHORT':
      return {
        code: 'invalid',
        message: 'The password is too short.',
        details: [{ path: passwordField(path), message: `at least ${MIN_PASSWORD_LENGTH} characters` }],
      };
    case 'PASSWORD_TOO_LONG':
      return {
        code: 'invalid',
        message: 'The password is too long.',
        details: [{ path: passwordField(path), message: 'at most 256 characters' }],
      };
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return {
        code: 'invalid',
        message: 'This link is not valid any more (it expired or was used already): ask for a new one.',
      };
    case 'EMAIL_PASSWORD_SIGN_UP_DISABLED':
    case 'SIGN_UP_DISABLED':
      return {
        code: 'forbidden',
        message: 'Nobody signs up on their own here: ask an administrator to invite you.',
      };
    case 'UNAUTHORIZED':
    case 'SESSION_EXPIRED':
    case 'SESSION_NOT_FRESH':
    case 'FAILED_TO_GET_SESSION':
      return { code: 'unauthenticated', message: 'Sign in first.' };
    case 'PROVIDER_NOT_FOUND':
      return { code: 'not_found', message: 'No such sign-in provider.' };
    case 'USER_NOT_FOUND':
    case 'ACCOUNT_NOT_FOUND':
    case 'USER_EMAIL_NOT_FOUND':
      return { code: 'not_found', message: 'No such account.' };
    case 'CREDENTIAL_ACCOUNT_NOT_FOUND':
      return { code: 'invalid', message: 'This account signs in through its provider, not with a password.' };
    case 'USER_ALREADY_EXISTS':
    case 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL':
      return { code: 'conflict', message: 'There is already an account for this email.' };
    case 'SOCIAL_ACCOUNT_ALREADY_LINKED':
    case 'LINKED_ACCOUNT_ALREADY_EXISTS':
      return { code: 'conflict', message: 'This sign-in is already linked to an account.' };
    case 'INVALID_ORIGIN':
    case 'MISSING_OR_NULL_ORIGIN':
    case 'CROSS_SITE_NAVIGATION_LOGIN_BLOCKED':
      return { code: 'forbidden', message: 'Requests that change data must come from Integra itself.' };
    case 'INVALID_CALLBACK_URL':
    case 'INVALID_REDIRECT_URL':
    case 'INVALID_ERROR_CALLBACK_URL':
    case 'INVALID_NEW_USER_CALLBACK_URL':
    case 'CALLBACK_URL_REQUIRED':
      return { code: 'invalid', message: 'The address to come back to must be one of Integra’s own.' };
    case 'EMAIL_NOT_VERIFIED':
      return { code: 'forbidden', message: 'Confirm your email address first.' };
    default:
      return null;
  }
}

/** `[body.email] Invalid input: expected string, received number; [body.password] …` as field issues. */
function validationIssues(message: string | undefined): FieldIssue[] {
  if (!message) return [];
  return message
    .split(/;\s*(?=\[)/)
    .map((part) => part.match(/^\[([^\]]*)\]\s*(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ path: m[1], message: m[2].replace(/^Invalid input: /, '') || 'invalid' }));
}

/** Our error for a better-auth answer with status >= 400 (its body as text, the request's path). */
export function fromAuthResponse(status: number, text: string, path: string): ApiError {
  let body: { code?: unknown; message?: unknown } = {};
  try {
    const parsed = JSON.parse(text);
    if (parsed && typeof parsed === 'object') body = parsed;
  } catch {
    /* not JSON: the status says enough */
  }
  const authCode = typeof body.code === 'string' ? body.code.toUpperCase() : '';
  const authMessage = typeof body.message === 'string' ? body.message : undefined;
  const mapped = known(authCode, path);
  if (mapped) return { ...mapped, status: STATUS[mapped.code] };
  if (
    authCode === 'VALIDATION_ERROR' ||
    authCode === 'BODY_MUST_BE_AN_OBJECT' ||
    authCode === 'MISSING_FIELD' ||
    authCode === 'FIELD_NOT_ALLOWED'
  ) {
    const details = validationIssues(authMessage);
    return {
      status: 400,
      code: 'invalid',
      message: 'Some fields are invalid.',
      ...(details.length ? { details } : {}),
    };
  }
  const code = byStatus(status);
  const message =
    GENERIC[code] ?? (authMessage ? `${authMessage.replace(/\.$/, '')}.` : 'The request was refused.');
  return { status: STATUS[code], code, message };
}

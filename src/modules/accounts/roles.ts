/** The roles a member can have, from most to least rights; without zod, so the web app's sign-in page stays small. */
export const ROLE_NAMES = ['admin', 'editor', 'contributor', 'reviewer', 'viewer'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

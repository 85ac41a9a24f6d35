/** Types of scripts/build-server.js (plain JavaScript, run before TypeScript is compiled). */
export const BUILD_DIR: string;
/** Compiles src/ into build/ when it changed; resolves true when it compiled. */
export function ensureServerBuild(options?: { quiet?: boolean }): Promise<boolean>;

/**
 * The first characters of a SHA-256: enough to tell papers apart at a glance; the whole is copied. Free of
 * the API client, so the history's details (and their tests) read it without a browser.
 */
export const shortSha = (sha256: string): string => sha256.slice(0, 12);

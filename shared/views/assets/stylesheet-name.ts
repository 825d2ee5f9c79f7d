/**
 * The name pages link the workspace's stylesheet by (`/assets/<name>`): `arbetsyta.` and the first
 * 16 hex digits of the SHA-256 of its body (`STYLESHEET` in stylesheet.ts). Written out rather than
 * hashed at import, so that a page's cold start does not load the 200 kB of CSS it only links to;
 * `test/unit/workspace-stylesheet.test.ts` fails, naming the new hash, when the CSS changes and this
 * does not.
 */
export const STYLESHEET_FILE_NAME = 'arbetsyta.9935b0170b9f21a6.css';

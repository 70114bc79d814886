/**
 * The renderer's Content-Security-Policy, the same in every host: only the app's own bundled
 * scripts, styles and fonts; images from itself or in-memory blobs; no plugins, frames, form
 * posts or base-URI tricks. Captured pages are shown elsewhere, inert, never under this policy.
 *
 * `worker-src 'self'`: the page view draws captured PDFs with pdf.js, which parses the file in a
 * web worker (off the UI thread, and away from the page's DOM). That worker is a module bundled
 * with the app and served from its own origin. Without this line workers would fall back to
 * script-src, which says the same today; it is written out so that the one kind of worker the
 * app starts is a decision on record, and blob: or data: workers (a way to run code that never
 * came from the app's files) stay refused even if script-src is ever widened.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

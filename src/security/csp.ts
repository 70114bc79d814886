/**
 * The renderer's Content-Security-Policy, the same in every host: only the app's own bundled
 * scripts, styles and fonts; images from itself or in-memory blobs; no plugins, frames, form
 * posts or base-URI tricks. Captured pages are shown elsewhere, inert, never under this policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

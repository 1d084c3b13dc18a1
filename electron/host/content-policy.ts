/**
 * The Content-Security-Policy of the app's page, one policy for both hosts: the web host sends
 * it with index.html, and the Electron shell with every page it serves from app://. Only the
 * app's own files may run; nothing inline, no eval, no plugins, no frames, no forms.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React Flow positions nodes with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

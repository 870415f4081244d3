import { secureHeaders } from 'hono/secure-headers';

/**
 * A strict CSP: scripts only from our own origin, never inline; no framing; no plugins. A header a
 * handler set itself is kept (`overwrite: false`): downloads send a stricter CSP (`default-src 'none';
 * sandbox`) that the portal-wide one must not replace. Handlers only ever tighten these headers.
 * HSTS only when the portal is reached over HTTPS (`servedOverHttps`): over plain HTTP browsers ignore
 * it, and it is no promise a plain-HTTP portal can keep.
 */
export function securityHeaders(options: { https: boolean }) {
  return secureHeaders({
    overwrite: false,
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    referrerPolicy: 'no-referrer',
    crossOriginResourcePolicy: 'same-origin',
    strictTransportSecurity: options.https ? 'max-age=31536000; includeSubDomains' : false,
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
  });
}

import { ConfidentialityRequiredError, InvalidCredentialsError, StrongAuthRequiredError, TLSNotSupportedError, TimeLimitExceededError } from 'ldapts';
import type { DirectoryError } from '../core/index.js';

const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE']);
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_)/;

/**
 * Turns what ldapts or the socket threw into a message an administrator can act on. Never
 * includes a password: ldapts errors carry result codes and server text, not request contents.
 */
export function describeLdapFailure(error: unknown, url: string, step: 'connect' | 'starttls' | 'service-bind' | 'search'): DirectoryError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  const text = error instanceof Error ? error.message : String(error);
  if (TLS_CODES.test(code) || /certificate|tls|ssl/i.test(text) || error instanceof TLSNotSupportedError) {
    return { code: 'tls', message: `TLS with the directory at ${url} failed: ${text}. Check the server certificate and the CA this store trusts.` };
  }
  if (error instanceof ConfidentialityRequiredError || error instanceof StrongAuthRequiredError) {
    return { code: 'tls', message: `The directory at ${url} requires an encrypted connection: use ldaps:// or set directory.ldap.starttls to true.` };
  }
  if (step === 'starttls' && !UNREACHABLE.has(code)) {
    return { code: 'tls', message: `StartTLS with the directory at ${url} failed (${text}): does the server offer it? Use ldaps:// or turn directory.ldap.starttls off.` };
  }
  if (UNREACHABLE.has(code)) {
    return { code: 'unreachable', message: `The directory at ${url} cannot be reached (${code}). Is the server running, and are directory.ldap.url and the network right?` };
  }
  if (/timed? ?out/i.test(text) || error instanceof TimeLimitExceededError) {
    return { code: 'timeout', message: `The directory at ${url} did not answer in time (directory.ldap.timeout-seconds).` };
  }
  if (step === 'service-bind' && error instanceof InvalidCredentialsError) {
    return { code: 'service-bind-failed', message: `The directory refused the service account directory.ldap.bind-dn: check it and the --directory-bind-password-file.` };
  }
  return { code: 'directory-error', message: `The directory at ${url} failed during ${step}: ${text}` };
}

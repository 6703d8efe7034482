// The report without a password: every server is reached, TLS and its certificate are checked and the
// greeting and capabilities read, but no login is attempted (core/probe's probe without credentials).

import { t } from '../messages/index.js';
import type { Lang, ServerSettings } from '../model.js';
import type { Net } from '../net/index.js';
import type { CertificatePin } from '../net/tls.js';
import { PROBE_DEFAULTS, probeServer } from '../probe/probe.js';
import type { ServerTestResult } from '../probe/test-run.js';
import type { ProbeError, ProbeResult } from '../probe/types.js';

export interface ConnectOptions {
  net: Net;
  lang: Lang;
  timeoutMs?: number | undefined;
  signal?: AbortSignal | undefined;
  trustedCertificates?: readonly CertificatePin[] | undefined;
}

export async function connectOnly(
  servers: readonly ServerSettings[],
  options: ConnectOptions,
): Promise<ServerTestResult[]> {
  return Promise.all(
    servers.map(async (server) => {
      const result = await probeServer({
        protocol: server.protocol,
        host: server.host,
        port: server.port,
        security: server.security,
        resolver: options.net.resolver,
        timeoutMs: options.timeoutMs ?? PROBE_DEFAULTS.timeoutMs,
        ...(options.trustedCertificates?.length ? { trustedCertificates: options.trustedCertificates } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return asServerResult(result, server.username, options.lang);
    }),
  );
}

/** The shape of `test`'s results (CONTRACT.md field order), with the error in the person's words. */
function asServerResult(result: ProbeResult, username: string, lang: Lang): ServerTestResult {
  const { protocol, host, port, security, ok, tls, auth, error, greeting, capabilities } = result;
  return {
    protocol,
    host,
    port,
    security,
    username,
    ok,
    ...(tls ? { tls } : {}),
    auth,
    ...(error ? { error: localize(error, lang) } : {}),
    ...(greeting !== undefined ? { greeting } : {}),
    capabilities,
    transcript: result.transcript,
    ms: result.ms,
    phases: result.phases,
  };
}

function localize(error: ProbeError, lang: Lang): ProbeError {
  const key = error.reason ? `probe.${error.reason}` : `error.${error.code}`;
  return { ...error, message: t(lang, key), fix: t(lang, `${key}.fix`) };
}

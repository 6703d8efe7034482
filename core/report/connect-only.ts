// The report without a password: every server is reached, TLS and its certificate are checked and the
// greeting and capabilities read, but no login is attempted (core/probe's probe without credentials).

import type { Lang, ServerSettings } from '../model.js';
import type { Net } from '../net/index.js';
import type { CertificatePin } from '../net/tls.js';
import { PROBE_DEFAULTS, probeServer } from '../probe/probe.js';
import { localizeProbeError, type ServerTestResult, serverResult } from '../probe/test-run.js';

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
      const shaped = serverResult(result, server.username);
      return shaped.error ? { ...shaped, error: localizeProbeError(shaped.error, options.lang) } : shaped;
    }),
  );
}

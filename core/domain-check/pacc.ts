// Does the domain publish PACC correctly (draft-ietf-mailmaint-pacc-04)? The same check detection
// makes (core/discovery/pacc.ts): the document over direct TLS and a TXT record whose SHA-256 digest
// matches its exact bytes. For the IT staff who publish it, the answer names the record to publish.

import { checkPacc, paccConfig, paccTxtName } from '../discovery/pacc.js';
import { SOURCE_TIMEOUTS_MS } from '../discovery/timeouts.js';
import { toMailSetupError } from '../errors.js';
import type { Net } from '../net/index.js';
import { describeServer, probeAddress } from './client-config.js';
import { lookupFailed } from './mx.js';
import type { Finding, RawCheck } from './types.js';

export async function checkPaccPublication(domain: string, net: Net, signal: AbortSignal): Promise<RawCheck> {
  const target = `${paccTxtName(domain)} TXT`;
  const raw = (findings: Finding[], records: string[], url?: string): RawCheck => ({
    check: 'pacc',
    target: url ? `${url}, ${target}` : target,
    findings,
    records,
  });
  let check: Awaited<ReturnType<typeof checkPacc>>;
  try {
    check = await checkPacc(domain, net, signal, SOURCE_TIMEOUTS_MS.pacc);
  } catch (error) {
    const failure = toMailSetupError(error, 'protocol-error');
    // A DNS failure says nothing about the domain; a document that cannot be fetched does.
    if (
      failure.phase === 'http' ||
      failure.code.startsWith('certificate-') ||
      failure.code.startsWith('tls-')
    ) {
      return raw(
        [{ verdict: 'warning', key: 'broken', params: { reason: failure.code, detail: failure.message } }],
        [],
      );
    }
    return raw([lookupFailed(failure.message)], []);
  }
  const txt = (digest: string) => `v=UAAC1; a=sha256; d=${digest}`;
  switch (check.state) {
    case 'verified': {
      const config = paccConfig(check.document, probeAddress(domain), check.url);
      const servers = [...config.incoming, ...config.outgoing].map(describeServer).join(', ');
      return raw([{ verdict: 'ok', key: 'ok', params: { servers } }], check.records, check.url);
    }
    case 'not-published':
      return raw([{ verdict: 'missing', key: 'missing' }], check.records);
    case 'digest-missing':
    case 'digest-mismatch':
      return raw(
        [{ verdict: 'warning', key: check.state, params: { url: check.url, txt: txt(check.digest) } }],
        check.records,
        check.url,
      );
    case 'broken':
      return raw(
        [
          {
            verdict: 'warning',
            key: 'broken',
            params: { reason: check.error.code, detail: check.error.message },
          },
        ],
        check.records,
        check.url,
      );
  }
}

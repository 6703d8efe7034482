// A Net whose one fetch answer and TXT records are given, for PACC's unit tests: what a domain
// serves is the point of those tests, not the transport (the integration tests use real peers).

import type { FetchOptions, FetchResponse, Net } from '../../core/net/index.js';

export function fakeNet(body: string, reply: Partial<FetchResponse> | Error, txt: string[][] | Error) {
  const calls: { url: string; options: FetchOptions }[] = [];
  const txtNames: string[] = [];
  const net: Net = {
    offline: false,
    fetch: async (url, options = {}) => {
      calls.push({ url, options });
      if (reply instanceof Error) throw reply;
      const bytes = reply.bytes ?? Buffer.from(body);
      return {
        status: 200,
        url,
        contentType: 'application/json',
        text: bytes.toString(),
        bytes,
        redirects: [],
        ...reply,
      };
    },
    resolver: {
      server: undefined,
      cancel: () => {},
      resolveMx: async () => [],
      resolveSrv: async () => [],
      resolveAddresses: async () => [],
      resolveTxt: async (name) => {
        txtNames.push(name);
        if (txt instanceof Error) throw txt;
        return txt;
      },
      lookup: (_host, _options, callback) => callback(new Error('unused'), '', 0),
    },
  };
  return { net, calls, txtNames };
}

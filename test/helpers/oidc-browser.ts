// A person at the test OpenID provider's sign-in page, played with plain HTTP requests: open the
// authorization URL, fill in the login form (test/peers/oidc-provider.ts), allow or cancel, and follow
// the redirects to the app's loopback listener, as a browser would. Cookies are kept per sign-in.

import http from 'node:http';
import https from 'node:https';

export interface FormPerson {
  login: string;
  password: string;
  /** 'deny' presses Cancel. */
  action?: 'allow' | 'deny';
  /** Scopes to untick on the consent part of the form. */
  untick?: string[];
}

export interface BrowserRun {
  /** Every URL visited, in order. */
  visited: string[];
  /** The last page's status and body (the app's "signed in" page, or an error). */
  status: number;
  body: string;
}

interface Reply {
  status: number;
  location?: string;
  body: string;
}

/** `hosts`: host name → IP for the provider's name (the test DNS is not the system's). */
export async function signInByForm(
  authorizationUrl: string,
  person: FormPerson,
  hosts: Record<string, string>,
): Promise<BrowserRun> {
  const cookies = new Map<string, string>();
  const visited: string[] = [];
  const request = (url: URL, method: 'GET' | 'POST', form?: URLSearchParams): Promise<Reply> =>
    new Promise((resolve, reject) => {
      visited.push(url.href);
      const body = form?.toString();
      const headers: Record<string, string> = {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
      };
      if (body !== undefined) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        headers['content-length'] = String(Buffer.byteLength(body));
      }
      const ip = hosts[url.hostname];
      const options = {
        method,
        headers,
        ...(ip
          ? {
              // Node 20 asks for every address at once (autoSelectFamily): answer in the form asked.
              lookup: (
                _host: string,
                lookupOptions: { all?: boolean },
                callback: (e: null, a: string | { address: string; family: number }[], f?: number) => void,
              ) => (lookupOptions.all ? callback(null, [{ address: ip, family: 4 }]) : callback(null, ip, 4)),
            }
          : {}),
      };
      const done = (response: http.IncomingMessage) => {
        for (const line of response.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          const at = pair?.indexOf('=') ?? -1;
          if (pair && at > 0) cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
        }
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          text += chunk;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            ...(response.headers.location ? { location: response.headers.location } : {}),
            body: text,
          }),
        );
      };
      const outgoing =
        url.protocol === 'https:' ? https.request(url, options, done) : http.request(url, options, done);
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const follow = async (start: URL, method: 'GET' | 'POST', form?: URLSearchParams) => {
    let url = start;
    let reply = await request(url, method, form);
    for (let hops = 0; reply.location && reply.status >= 300 && reply.status < 400; hops++) {
      if (hops > 10) throw new Error(`too many redirects from ${start.href}`);
      url = new URL(reply.location, url);
      reply = await request(url, 'GET');
    }
    return { url, reply };
  };

  const page = await follow(new URL(authorizationUrl), 'GET');
  const action = /<form method="post" action="([^"]+)"/.exec(page.reply.body)?.[1];
  if (!action) return { visited, status: page.reply.status, body: page.reply.body };
  const requested = [...page.reply.body.matchAll(/name="scope" value="([^"]+)"/g)].map((m) => m[1] ?? '');
  const form = new URLSearchParams({ login: person.login, password: person.password });
  for (const scope of requested) if (!person.untick?.includes(scope)) form.append('scope', scope);
  form.set('action', person.action ?? 'allow');
  const end = await follow(new URL(action, page.url), 'POST', form);
  return { visited, status: end.reply.status, body: end.reply.body };
}

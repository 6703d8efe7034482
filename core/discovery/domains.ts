// Registrable domains (public suffix list via tldts), loaded lazily: an offline run never needs them.

let tldts: typeof import('tldts') | undefined;

export async function loadPublicSuffixList(): Promise<typeof import('tldts')> {
  tldts ??= await import('tldts');
  return tldts;
}

/** "imap.mail.example.co.uk" -> "example.co.uk"; a name without a known suffix is returned as is. */
export async function registrableDomain(host: string): Promise<string> {
  const { getDomain } = await loadPublicSuffixList();
  const name = host.replace(/\.$/, '').toLowerCase();
  return getDomain(name, { allowPrivateDomains: false }) ?? name;
}

/** True when `host` is `domain` or below it, on a label boundary. */
export function isWithin(host: string, domain: string): boolean {
  const name = host.replace(/\.$/, '').toLowerCase();
  const parent = domain.replace(/\.$/, '').toLowerCase();
  return name === parent || name.endsWith(`.${parent}`);
}

// Light checks while the person types: enough for live feedback. Core's detect has the last word and
// its `invalid-address` message is shown as it is.

export type AddressProblem = 'empty' | 'missing-at' | 'several-at' | 'missing-name' | 'domain-without-dot';

export function checkAddress(value: string): AddressProblem | undefined {
  const address = value.trim();
  if (address === '') return 'empty';
  const parts = address.split('@');
  if (parts.length === 1) return 'missing-at';
  if (parts.length > 2) return 'several-at';
  const [name = '', domain = ''] = parts;
  if (name === '') return 'missing-name';
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return 'domain-without-dot';
  return undefined;
}

// PLACEHOLDER: replaced by the keychain command's implementation.
import { UsageError } from './output.js';

export async function runKeychain(_argv: string[]): Promise<number> {
  throw new UsageError('cli.not-yet', { command: 'keychain' });
}

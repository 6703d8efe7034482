// PLACEHOLDER: replaced by the export command's implementation.
import { UsageError } from './output.js';

export async function runExport(_argv: string[]): Promise<number> {
  throw new UsageError('cli.not-yet', { command: 'export' });
}

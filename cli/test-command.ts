// PLACEHOLDER: replaced by the test command's implementation.
import { UsageError } from './output.js';

export async function runTest(_argv: string[]): Promise<number> {
  throw new UsageError('cli.not-yet', { command: 'test' });
}

// `mailsetup test --keychain`: the password the person saved for this address, read from the OS
// keychain for this one test and never written anywhere else.

import { UsageError } from './output.js';

export async function readPasswordFromKeychain(address: string): Promise<string> {
  // Loaded here: a test with the password on stdin starts without the keychain's modules.
  const { createKeychain } = await import('../core/secrets/keychain.js');
  const keychain = createKeychain();
  try {
    // Without a label: the address's only saved entry, else the default label's.
    const password = await keychain.getPassword({ address });
    if (password === null) throw new UsageError('cli.test.keychain-empty', { address });
    return password;
  } finally {
    await keychain.close();
  }
}

// Runs once before the test workers start: creates the test CA and makes every worker (and every CLI
// it spawns) trust it through Node's own NODE_EXTRA_CA_CERTS, as a company CA would be trusted. The
// app's data folder (the lockout ledger, the index of saved passwords) is a throwaway one for the run,
// so tests never count failed logins in the real user's ledger; tests that need their own set theirs.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CA_CERT_FILE, ensureTestCa } from './peers/ca.js';

export default function setup(): () => void {
  ensureTestCa();
  process.env.NODE_EXTRA_CA_CERTS = CA_CERT_FILE;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-test-data-'));
  process.env.MAILSETUP_DATA_DIR = dataDir;
  return () => rmSync(dataDir, { recursive: true, force: true });
}

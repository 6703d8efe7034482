// Runs once before the test workers start: creates the test CA and makes every worker (and every CLI
// it spawns) trust it through Node's own NODE_EXTRA_CA_CERTS, as a company CA would be trusted.

import { CA_CERT_FILE, ensureTestCa } from './peers/ca.js';

export default function setup(): void {
  ensureTestCa();
  process.env.NODE_EXTRA_CA_CERTS = CA_CERT_FILE;
}

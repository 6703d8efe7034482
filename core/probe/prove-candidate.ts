// Guessing's proof of a candidate server (core/discovery/guess.ts): the probe without credentials, so
// TLS 1.2+ verified for the name, then the greeting and capabilities of the protocol it should speak.

import type { CandidateProver } from '../discovery/guess.js';
import { PROTOCOLS, probeServer } from './probe.js';

export const proveCandidate: CandidateProver = async (candidate) => {
  const result = await probeServer(candidate);
  return {
    ...(result.error ? { error: result.error } : {}),
    speaksProtocol: PROTOCOLS[candidate.protocol].confirms(result.capabilities),
  };
};

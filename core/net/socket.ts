// Plain TCP connections (for STARTTLS, which begins unencrypted) through the run's resolver.

import net from 'node:net';
import { codeForNodeError, MailSetupError } from '../errors.js';
import { abortReason } from './abort.js';
import type { Resolver } from './resolver.js';

export function connectTcp(
  host: string,
  port: number,
  resolver: Resolver,
  signal?: AbortSignal,
): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const socket = net.connect({ host, port, lookup: resolver.lookup });
    const onAbort = () => {
      socket.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      reject(new MailSetupError(codeForNodeError(error) ?? 'connection-refused', error.message, 'connect'));
    });
    socket.once('connect', () => {
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('error');
      resolve(socket);
    });
  });
}

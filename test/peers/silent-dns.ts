// A "hung" DNS server: it receives queries on UDP and TCP and never answers, so a client can only
// give up through its own timeout.

import dgram from 'node:dgram';
import net from 'node:net';

export interface SilentDnsHandle {
  /** "127.0.0.1:PORT" */
  server: string;
  /** UDP datagrams and TCP connections received so far. */
  received(): number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startSilentDns(): Promise<SilentDnsHandle> {
  for (let attempt = 1; ; attempt++) {
    let received = 0;
    const udp = dgram.createSocket('udp4');
    udp.on('message', () => {
      received++;
    });
    const port = await new Promise<number>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, HOST, () => resolve(udp.address().port));
    });
    const held = new Set<net.Socket>();
    const tcp = net.createServer((socket) => {
      received++;
      held.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => held.delete(socket));
    });
    const listening = await new Promise<boolean>((resolve) => {
      tcp.once('error', () => resolve(false));
      tcp.listen(port, HOST, () => resolve(true));
    });
    if (!listening) {
      // Someone holds the TCP side of this port: take another.
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      if (attempt >= 5) throw new Error('no port free for both UDP and TCP');
      continue;
    }
    return {
      server: `${HOST}:${port}`,
      received: () => received,
      stop: async () => {
        for (const socket of held) socket.destroy();
        await new Promise<void>((resolve) => tcp.close(() => resolve()));
        await new Promise<void>((resolve) => udp.close(() => resolve()));
      },
    };
  }
}

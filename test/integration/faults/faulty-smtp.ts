import { SMTPServer } from 'smtp-server';

export type SmtpMode = 'refuse' | 'accept';

/**
 * A mail server on loopback whose faults the test sets: `refuse` answers every connection 421
 * (service not available, as a server over its limits or in maintenance does); `accept` takes mails,
 * each after `delayFor(recipient)` ms before its final answer (a slow server). It keeps every mail's
 * recipients, so a test can count how often each address got one.
 */
export async function startFaultySmtp(port: number, options: { delayFor?: (to: string) => number } = {}) {
  let mode: SmtpMode = 'accept';
  const delivered: string[] = [];
  /** Each accepted mail's text, quoted-printable soft breaks and `=3D` undone (to find a link). */
  const received: string[] = [];
  /** Recipients whose mail the server is holding back right now. */
  const holding = new Set<string>();
  const waiters: { to: string; resolve: () => void }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onConnect(_session, callback) {
      if (mode === 'accept') return callback();
      const error = new Error('Service not available, try again later') as Error & { responseCode: number };
      error.responseCode = 421;
      callback(error);
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
          .toString('utf8')
          .replace(/=\r?\n/g, '')
          .replace(/=3D/g, '=');
        const delay = Math.max(0, ...to.map((address) => options.delayFor?.(address) ?? 0));
        const accept = () => {
          for (const address of to) holding.delete(address);
          delivered.push(...to);
          received.push(raw);
          callback();
        };
        if (delay === 0) return accept();
        for (const address of to) holding.add(address);
        for (const w of waiters.filter((w) => to.includes(w.to))) w.resolve();
        // The slow server's own behaviour: it answers the DATA command this much later.
        setTimeout(accept, delay);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    setMode: (next: SmtpMode) => {
      mode = next;
    },
    /** How many mails each address received. */
    deliveredTo: (address: string) => delivered.filter((a) => a === address).length,
    delivered,
    received,
    /** Resolves once the server holds back a mail to `to` (its sender is waiting for the answer). */
    holdingMailTo: (to: string) =>
      holding.has(to) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ to, resolve })),
    isHolding: (to: string) => holding.has(to),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FaultySmtp = Awaited<ReturnType<typeof startFaultySmtp>>;

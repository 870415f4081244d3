import { enqueue } from '../queue/event-queue';
import { type EventFields, makeEvent } from './make-event';

/** Queues one metadata-only event (dropped silently if it does not pass the schema). */
export async function record(fields: EventFields, now = Date.now()): Promise<void> {
  const event = makeEvent(fields, now);
  if (event) await enqueue([event]);
}

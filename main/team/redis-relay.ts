// Hocuspocus's Redis extension, with a change carried to the other nodes in one hop. As shipped
// (3.4), a change makes the node publish only its state vector; every other node answers with its
// own, and the first node then publishes the missing update: two Redis round trips, and a state
// vector encoded per change, before a client on another node sees a keystroke. Here the update
// itself is published at once, as a sync step 2 (which the other nodes apply with the Redis origin,
// so they do not echo it back), and the state-vector exchange still runs, at most once a second
// per document, to repair anything Redis pub/sub dropped.
import { Redis } from '@hocuspocus/extension-redis';
import type { onChangePayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';

/** Hocuspocus's message type for sync messages, and y-protocols' sync step 2 (an update to apply). */
const SYNC_MESSAGE = 0;
const SYNC_STEP_2 = 1;

/** The state-vector exchange's pace, now a repair path rather than the way changes travel. */
const REPAIR_INTERVAL_MS = 1_000;

function syncStep2Message(documentName: string, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, SYNC_MESSAGE);
  encoding.writeVarUint(encoder, SYNC_STEP_2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export interface RedisRelayOptions {
  host: string;
  port: number;
  /** This node's name on the channels (its own messages come back and are skipped by it). */
  identifier: string;
  /** Channel prefix shared by every node of one team server. */
  prefix: string;
}

export class RedisRelay extends Redis {
  private readonly repairs = new Map<string, NodeJS.Timeout>();
  private readonly channelPrefix: string;

  constructor(options: RedisRelayOptions) {
    super({ ...options, options: { lazyConnect: false } });
    this.channelPrefix = options.prefix;
  }

  override async onChange(data: onChangePayload): Promise<void> {
    if (data.transactionOrigin === this.redisTransactionOrigin) return;
    const message = Buffer.concat([this.messagePrefix, syncStep2Message(data.documentName, data.update)]);
    if (!this.repairs.has(data.documentName))
      this.repairs.set(
        data.documentName,
        setTimeout(() => {
          this.repairs.delete(data.documentName);
          // The shipped behaviour: publish this node's state vector so that the others send what it lacks.
          super.onChange(data).catch(() => undefined);
        }, REPAIR_INTERVAL_MS),
      );
    await this.pub.publish(`${this.channelPrefix}:${data.documentName}`, message);
  }

  override async onDestroy(): Promise<void> {
    for (const timer of this.repairs.values()) clearTimeout(timer);
    this.repairs.clear();
    await super.onDestroy();
  }
}

// A sink that keeps every object, notification and streamed batch in memory (tests, and the validator's input).
import type { DeliveryNotification, DeliveryObject, DeliverySink, PublishedPublicKey, StreamedEvents } from '../sink.js';

/**
 * A stored object: bytes and metadata.
 * @example
 * const stored: StoredObject | undefined = sink.objects.get(`${bucket}/${key}`);
 */
export interface StoredObject {
  body: Uint8Array;
  metadata: Record<string, string>;
  kind: DeliveryObject['kind'];
  kmsKeyId?: string;
}

/**
 * Keeps objects by `bucket/key`.
 * @example
 * const sink = new MemorySink();
 * const trail = createLocalTrail({ delivery: { sinks: [sink] } });
 * // … after flush(): sink.keys('my-bucket')
 */
export class MemorySink implements DeliverySink {
  readonly name: string;
  readonly objects = new Map<string, StoredObject>();
  readonly notifications: DeliveryNotification[] = [];
  readonly streamed: StreamedEvents[] = [];
  readonly publicKeys: PublishedPublicKey[] = [];

  constructor(name = 'memory') {
    this.name = name;
  }

  async put(object: DeliveryObject): Promise<void> {
    this.objects.set(`${object.bucket}/${object.key}`, {
      body: object.body,
      metadata: { ...object.metadata },
      kind: object.kind,
      ...(object.kmsKeyId ? { kmsKeyId: object.kmsKeyId } : {}),
    });
  }

  notify(notification: DeliveryNotification): void {
    this.notifications.push(notification);
  }

  stream(events: StreamedEvents): void {
    this.streamed.push(events);
  }

  publishPublicKey(key: PublishedPublicKey): void {
    this.publicKeys.push(key);
  }

  get(bucket: string, key: string): StoredObject | undefined {
    return this.objects.get(`${bucket}/${key}`);
  }

  /** Keys in `bucket`, sorted, optionally only those containing `contains`. */
  keys(bucket: string, contains = ''): string[] {
    const prefix = `${bucket}/`;
    return [...this.objects.keys()]
      .filter((k) => k.startsWith(prefix) && k.includes(contains))
      .map((k) => k.slice(prefix.length))
      .sort();
  }

  delete(bucket: string, key: string): boolean {
    return this.objects.delete(`${bucket}/${key}`);
  }
}

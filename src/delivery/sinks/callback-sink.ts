// A sink made of plain functions: hand each object, notification or event batch to application code.
import type { DeliveryNotification, DeliveryObject, DeliverySink, PublishedPublicKey, StreamedEvents } from '../sink.js';

/**
 * Options of {@link callbackSink}: each hook optional.
 * @example
 * callbackSink({ name: 'bus', onEvents: ({ records }) => records.forEach((r) => bus.emit('cloudtrail', r)) });
 */
export interface CallbackSinkOptions {
  name?: string;
  /** Stores one object; may be async. Default: ignore objects (only the hooks matter). */
  put?: (object: DeliveryObject) => void | Promise<void>;
  /** Once per delivered object (SNS analogue). */
  onDelivered?: (notification: DeliveryNotification) => void | Promise<void>;
  /** The records routed to a trail, batched per event-loop turn (CloudWatch Logs / EventBridge analogue). */
  onEvents?: (events: StreamedEvents) => void | Promise<void>;
  onPublicKey?: (key: PublishedPublicKey) => void | Promise<void>;
}

/**
 * A sink made of plain functions: objects, delivery notifications, streamed events and public keys go to your code.
 * @example
 * const sink = callbackSink({ onEvents: ({ records }) => records.forEach((r) => bus.emit('cloudtrail', r)) });
 */
export function callbackSink(options: CallbackSinkOptions): DeliverySink {
  const sink: DeliverySink = {
    name: options.name ?? 'callback',
    put: async (object) => {
      await options.put?.(object);
    },
  };
  if (options.onDelivered) sink.notify = options.onDelivered;
  if (options.onEvents) sink.stream = options.onEvents;
  if (options.onPublicKey) sink.publishPublicKey = options.onPublicKey;
  return sink;
}

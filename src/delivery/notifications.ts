// The sinks' `notify` hook (the SNS analogue): once per object a sink stored, and GetTrailStatus's notification fields.
import type { DeliveryStatus } from '../engine/delivery-port.js';
import type { ChannelHost, ChannelPlace } from './channel-host.js';
import type { OutgoingObject } from './outbox.js';
import type { DeliverySink } from './sink.js';
import { describeError } from './sink-attempt.js';

/** Tells `sink` it stored `item`. Never throws: a failing hook is reported (and, for a trail with a topic, recorded). */
export function notifyStored(sink: DeliverySink, item: OutgoingObject, place: ChannelPlace, host: ChannelHost): void {
  if (!sink.notify) return;
  const { trail } = place;
  const status: DeliveryStatus = host.statusOf(trail.arn);
  const where = `delivery.notify(${sink.name})`;
  // GetTrailStatus's notification fields describe SNS: only trails with a topic have them.
  const hasTopic = trail.snsTopicArn !== undefined;
  const onError = (error: unknown): void => {
    if (hasTopic) status.latestNotificationError = describeError(error);
    host.reportError(error, where);
  };
  try {
    const done = sink.notify({
      kind: item.object.kind,
      trailArn: trail.arn,
      ...(trail.snsTopicArn ? { snsTopicArn: trail.snsTopicArn } : {}),
      s3Bucket: item.object.bucket,
      s3ObjectKey: [item.object.key],
      region: place.region,
      accountId: place.accountId,
      deliveredAt: host.clock.now(),
      recordCount: item.recordCount,
    });
    if (hasTopic) status.latestNotificationTime = host.clock.now();
    Promise.resolve(done).catch(onError);
  } catch (error) {
    onError(error);
  }
}

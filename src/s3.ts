// The `localtrail/sinks/s3` entry: what needs @aws-sdk/client-s3, the sink that writes to S3 and the source that reads back.
export { S3Sink } from './delivery/sinks/s3-sink.js';
export type { S3SinkOptions } from './delivery/sinks/s3-sink.js';
export { s3Source } from './validation/s3-source.js';

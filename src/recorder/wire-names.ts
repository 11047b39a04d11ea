// Record keys and list shapes from the protocol traits the service model carries: EC2 query/XML names, S3 bindings.
import { lowerCamel, PlanTime } from '../event/parameter-plan.js';

/**
 * How a service's records spell its parameters, by protocol family:
 * - `json`: JSON and query protocols (DynamoDB, IAM, STS, KMS, Lambda, SNS, SQS …): member names, first letter
 *   lower-cased; dates in the Java form.
 * - `ec2`: EC2's own XML names (`instancesSet`, `instanceState`, `groupSet`), lists as `{items: [...]}`, dates as
 *   epoch milliseconds.
 * - `s3`: the HTTP bindings (`bucketName`, header and query names, subresource markers) and, inside a payload, the
 *   XML element names as sent.
 */
export type WireStyle = 'json' | 'ec2' | 's3';
export type Direction = 'request' | 'response';

/** The traits this file reads (the SDK's schema traits object). */
export interface WireTraits {
  xmlName?: string;
  ec2QueryName?: string;
  xmlFlattened?: unknown;
  httpLabel?: unknown;
  httpQuery?: string;
  httpHeader?: string;
  httpPrefixHeaders?: string;
  httpPayload?: unknown;
}

export function styleFor(service: string): WireStyle {
  return service === 'ec2' ? 'ec2' : service === 's3' ? 's3' : 'json';
}

export function timeFormatFor(style: WireStyle): PlanTime {
  return style === 'ec2' ? PlanTime.EpochMillis : style === 's3' ? PlanTime.Iso : PlanTime.Java;
}

function startsLower(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 97 && c <= 122;
}

/** The record key of a struct member that is not a list. */
export function memberKey(style: WireStyle, name: string, traits: WireTraits, inXml: boolean): string {
  if (style === 'ec2') return traits.xmlName !== undefined && startsLower(traits.xmlName) ? traits.xmlName : lowerCamel(name);
  if (style === 's3') return inXml ? (traits.xmlName ?? name) : s3TopLevelKey(name, traits);
  return lowerCamel(name);
}

/**
 * S3's top-level request keys: the bucket label is `bucketName`, other labels lower-camel-cased; query parameters
 * under their query name (`list-type`, `prefix`); the payload under its XML element name.
 * Source: https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-understanding-s3-entries.html
 */
function s3TopLevelKey(name: string, traits: WireTraits): string {
  if (traits.httpLabel && name === 'Bucket') return 'bucketName';
  if (typeof traits.httpQuery === 'string') return traits.httpQuery;
  if (typeof traits.httpHeader === 'string') return traits.httpHeader;
  if (traits.httpPayload) return traits.xmlName ?? name;
  return lowerCamel(name);
}

/**
 * S3 headers CloudTrail writes: the `x-amz-*` request options (ACL, encryption, storage class …), not the SDK's
 * checksums or the object's user metadata (application data), nor standard HTTP headers.
 */
export function isRecordedS3Header(header: string): boolean {
  const h = header.toLowerCase();
  return h.startsWith('x-amz-') && !h.startsWith('x-amz-checksum') && !h.startsWith('x-amz-sdk-') && !h.startsWith('x-amz-meta-');
}

export interface ListShape {
  key: string;
  wrap?: string;
  itemKey?: string;
  single?: boolean;
}

/** The record key and shape of a list member. */
export function listShape(
  style: WireStyle,
  direction: Direction,
  name: string,
  traits: WireTraits,
  elementTraits: WireTraits,
  elementIsStruct: boolean,
  inXml: boolean,
): ListShape {
  if (style === 'ec2') return ec2List(direction, name, traits, elementIsStruct);
  if (style === 's3' && inXml) {
    const element = elementTraits.xmlName ?? 'member';
    // A flattened list repeats its element at this level; a wrapped one nests the elements in one element.
    if (traits.xmlFlattened) return { key: elementTraits.xmlName ?? traits.xmlName ?? name, single: true };
    return { key: traits.xmlName ?? name, wrap: element, single: true };
  }
  return { key: memberKey(style, name, traits, inXml) };
}

/**
 * EC2 writes every list as `{items: [...]}`. Responses use the XML names (`instancesSet`, `groupSet`); requests the
 * names of EC2's own request model, which the query names give as their singular (`Filter.N` → `filterSet`,
 * `TagSpecification.N` → `tagSpecificationSet`), scalars as one-member items (`{value: ...}`).
 * Source: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html (EC2).
 */
function ec2List(direction: Direction, name: string, traits: WireTraits, elementIsStruct: boolean): ListShape {
  const xml = traits.xmlName;
  if (direction === 'response') return { key: xml !== undefined && startsLower(xml) ? xml : lowerCamel(name), wrap: 'items' };
  const singular = lowerCamel(traits.ec2QueryName ?? xml ?? name);
  const key = singular.endsWith('Set') ? singular : `${singular}Set`;
  return elementIsStruct ? { key, wrap: 'items' } : { key, wrap: 'items', itemKey: singular };
}

/**
 * The subresource and constant query parameters of an S3 operation's URI (`/{Bucket}?versioning` → `versioning: ""`,
 * `?list-type=2` → `list-type: "2"`), which CloudTrail writes as request parameters. `x-id` only names the SDK's
 * operation and is not written.
 */
export function uriConstants(uri: string | undefined): [string, string][] {
  const q = uri?.indexOf('?') ?? -1;
  if (uri === undefined || q < 0) return [];
  const out: [string, string][] = [];
  for (const part of uri.slice(q + 1).split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key !== 'x-id') out.push([key, eq < 0 ? '' : part.slice(eq + 1)]);
  }
  return out;
}

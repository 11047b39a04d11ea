// The calls record-overhead measures, each with the stub reply it gets as a Node request handler gives it: DynamoDB
// GetItem (JSON), EC2 RunInstances (the EC2 query protocol, a full instance in XML) and S3 PutObject with a body.
import { HttpResponse } from '@smithy/protocol-http';
import { Readable } from 'node:stream';

export type BenchOperation = 'GetItem' | 'RunInstances' | 'PutObject';
export const BENCH_OPERATIONS: readonly BenchOperation[] = ['GetItem', 'RunInstances', 'PutObject'];

export interface BenchCall {
  /** The client package, loaded by the worker (after OpenTelemetry's hooks, when they are on). */
  pkg: string;
  client: string;
  command: string;
  input: Record<string, unknown>;
  config: Record<string, unknown>;
}

function handler(status: number, headers: Record<string, string>, text: string) {
  const body = Buffer.from(text);
  return {
    async handle() {
      return { response: new HttpResponse({ statusCode: status, headers: { 'content-length': String(body.length), ...headers }, body: Readable.from([body]) }) };
    },
  };
}

export const benchCredentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'bench-secret' };

const getItem: BenchCall = {
  pkg: '@aws-sdk/client-dynamodb',
  client: 'DynamoDBClient',
  command: 'GetItemCommand',
  input: { TableName: 'Users', Key: { pk: { S: 'user#1' } } },
  config: {
    requestHandler: handler(200, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'bench' }, JSON.stringify({ Item: { pk: { S: 'user#1' }, name: { S: 'Ada' } } })),
  },
};

const instance =
  '<item><instanceId>i-0123456789abcdef0</instanceId><imageId>ami-0abcdef1234567890</imageId>' +
  '<instanceState><code>0</code><name>pending</name></instanceState><privateDnsName>ip-10-0-0-3.ec2.internal</privateDnsName>' +
  '<keyName>deploy</keyName><amiLaunchIndex>0</amiLaunchIndex><productCodes/><instanceType>t3.micro</instanceType>' +
  '<launchTime>2024-04-02T15:13:06.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement>' +
  '<monitoring><state>disabled</state></monitoring><subnetId>subnet-0123</subnetId><vpcId>vpc-0123</vpcId><privateIpAddress>10.0.0.3</privateIpAddress>' +
  '<groupSet><item><groupId>sg-0123</groupId><groupName>web</groupName></item></groupSet>' +
  '<stateReason><code>pending</code><message>pending</message></stateReason><architecture>x86_64</architecture>' +
  '<rootDeviceType>ebs</rootDeviceType><rootDeviceName>/dev/xvda</rootDeviceName><blockDeviceMapping/><virtualizationType>hvm</virtualizationType>' +
  '<tagSet><item><key>Name</key><value>web-1</value></item></tagSet><hypervisor>xen</hypervisor>' +
  '<networkInterfaceSet><item><networkInterfaceId>eni-0123</networkInterfaceId><subnetId>subnet-0123</subnetId><vpcId>vpc-0123</vpcId>' +
  '<ownerId>111122223333</ownerId><status>in-use</status><privateIpAddress>10.0.0.3</privateIpAddress><sourceDestCheck>true</sourceDestCheck>' +
  '<groupSet><item><groupId>sg-0123</groupId><groupName>web</groupName></item></groupSet>' +
  '<attachment><attachmentId>eni-attach-0123</attachmentId><deviceIndex>0</deviceIndex><status>attaching</status>' +
  '<attachTime>2024-04-02T15:13:06.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></attachment>' +
  '<privateIpAddressesSet><item><privateIpAddress>10.0.0.3</privateIpAddress><primary>true</primary></item></privateIpAddressesSet>' +
  '</item></networkInterfaceSet><ebsOptimized>false</ebsOptimized><cpuOptions><coreCount>1</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>' +
  '<metadataOptions><state>pending</state><httpTokens>required</httpTokens><httpPutResponseHopLimit>2</httpPutResponseHopLimit><httpEndpoint>enabled</httpEndpoint></metadataOptions>' +
  '</item>';

const runInstances: BenchCall = {
  pkg: '@aws-sdk/client-ec2',
  client: 'EC2Client',
  command: 'RunInstancesCommand',
  input: {
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 't3.micro',
    MinCount: 1,
    MaxCount: 1,
    KeyName: 'deploy',
    SecurityGroupIds: ['sg-0123'],
    SubnetId: 'subnet-0123',
    Monitoring: { Enabled: false },
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web-1' }] }],
    ClientToken: 'bench-client-token',
  },
  config: {
    requestHandler: handler(
      200,
      { 'content-type': 'text/xml;charset=UTF-8', 'x-amzn-requestid': 'bench' },
      `<RunInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>bench</requestId><reservationId>r-0123</reservationId>` +
        `<ownerId>111122223333</ownerId><groupSet/><instancesSet>${instance}</instancesSet></RunInstancesResponse>`,
    ),
  },
};

const putObject: BenchCall = {
  pkg: '@aws-sdk/client-s3',
  client: 'S3Client',
  command: 'PutObjectCommand',
  input: { Bucket: 'reports', Key: 'daily/2024-04-02.csv', Body: Buffer.alloc(4096, 'a'), ContentType: 'text/csv' },
  config: {
    requestHandler: handler(
      200,
      { 'x-amz-request-id': 'bench', 'x-amz-id-2': 'bench-id-2', etag: '"0123456789abcdef"', 'x-amz-server-side-encryption': 'AES256' },
      '',
    ),
  },
};

export const BENCH_CALLS: Readonly<Record<BenchOperation, BenchCall>> = { GetItem: getItem, RunInstances: runInstances, PutObject: putObject };

/** The operation named by `OPERATION` in the environment (GetItem when unset). */
export function benchOperation(): BenchOperation {
  const name = process.env['OPERATION'] ?? 'GetItem';
  if (!(BENCH_OPERATIONS as readonly string[]).includes(name)) throw new Error(`unknown OPERATION ${name}`);
  return name as BenchOperation;
}

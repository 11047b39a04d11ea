// EC2's record rules: where CloudTrail's set names differ from what the query names give.
import type { ServiceRules } from './types.js';

const EC2_EXAMPLES = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#cloudtrail-log-file-examples-ec2';
/** A RunInstances record in a detection rule's test fixture (request and response in full). */
const RUN_INSTANCES = 'https://github.com/panther-labs/panther-analysis/blob/main/rules/aws_cloudtrail_rules/aws_ec2_vulnerable_xz_image_launched.yml';
/** A RunInstances record (eventVersion 1.10) in a log parser's test data. */
const RUN_INSTANCES_2 =
  'https://github.com/elastic/integrations/blob/3795606b1a95b266a8fd10cb34fa74ca70b4ab87/packages/aws/data_stream/cloudtrail/_dev/test/pipeline/test-run-instances-json.log';

export const EC2_RULES: ServiceRules = {
  service: 'ec2',
  // Current records start a write's responseElements with the request id (records of 2014 did not).
  responseRequestId: { source: RUN_INSTANCES_2 },
  request: {
    InstanceIds: { source: EC2_EXAMPLES, key: 'instancesSet', itemKey: 'instanceId' },
    // RunInstances groups what describes the instances to launch in `instancesSet.items[0]`.
    'RunInstancesRequest.ImageId': { source: RUN_INSTANCES, into: 'instancesSet' },
    'RunInstancesRequest.MinCount': { source: RUN_INSTANCES, into: 'instancesSet' },
    'RunInstancesRequest.MaxCount': { source: RUN_INSTANCES, into: 'instancesSet' },
    'RunInstancesRequest.KeyName': { source: RUN_INSTANCES, into: 'instancesSet' },
    BlockDeviceMappings: { source: RUN_INSTANCES, key: 'blockDeviceMapping' },
    SecurityGroupIds: { source: RUN_INSTANCES, key: 'groupSet', itemKey: 'groupId' },
    'InstanceNetworkInterfaceSpecification.Groups': { source: RUN_INSTANCES, key: 'groupSet', itemKey: 'groupId' },
    'TagSpecification.Tags': { source: RUN_INSTANCES, key: 'tags', wrap: null },
  },
  response: {
    // The private key a CreateKeyPair returns: EC2 writes its own marker.
    KeyMaterial: { source: EC2_EXAMPLES, as: 'hidden', marker: '<sensitiveDataRemoved>' },
    // This one set is written with `item`, not `items`.
    'InstanceNetworkInterface.PrivateIpAddresses': { source: RUN_INSTANCES_2, wrap: 'item' },
    // `return` is a reserved word in EC2's own model: the boolean result of a call is `_return`.
    Return: { source: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html', key: '_return' },
  },
  operations: {
    // RunInstances always writes the block device mappings, `{}` when none were given.
    RunInstances: { source: RUN_INSTANCES_2, requestDefaults: { blockDeviceMapping: {} } },
  },
};

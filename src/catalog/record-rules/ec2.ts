// EC2's record rules: where CloudTrail's set names differ from what the query names give.
import type { ServiceRules } from './types.js';

const EC2_EXAMPLES = 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html#cloudtrail-log-file-examples-ec2';
/** A RunInstances record in a detection rule's test fixture (request and response in full). */
const RUN_INSTANCES = 'https://github.com/panther-labs/panther-analysis/blob/main/rules/aws_cloudtrail_rules/aws_ec2_vulnerable_xz_image_launched.yml';

export const EC2_RULES: ServiceRules = {
  service: 'ec2',
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
};

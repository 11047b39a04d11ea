// Amazon EC2 (the instance calls applications make) and AWS Step Functions: CloudTrail eventNames → IAM actions.
// Sources: Service Authorization Reference, Amazon EC2 (list_amazonec2.html): Describe* calls support no
// resource-level permissions; AWS Step Functions (list_awsstepfunctions.html).
import type { ServiceActions } from '../action-spec.js';
import { same } from '../action-spec.js';

export const ec2Actions: ServiceActions = {
  eventSource: 'ec2.amazonaws.com',
  prefix: 'ec2',
  events: {
    ...same(
      'instance',
      'StartInstances', 'StopInstances', 'TerminateInstances', 'RebootInstances', 'GetConsoleOutput',
      'ModifyInstanceAttribute', 'DescribeInstanceAttribute', 'MonitorInstances', 'UnmonitorInstances',
    ),
    ...same(
      undefined,
      'DescribeInstances', 'DescribeInstanceStatus', 'DescribeInstanceTypes', 'DescribeImages', 'DescribeRegions',
      'DescribeAvailabilityZones', 'DescribeSecurityGroups', 'DescribeSubnets', 'DescribeVpcs', 'DescribeVolumes',
      'DescribeSnapshots', 'DescribeKeyPairs', 'DescribeTags', 'DescribeAddresses', 'DescribeNetworkInterfaces',
      'DescribeRouteTables', 'DescribeLaunchTemplates', 'DescribeAccountAttributes',
    ),
    // Several resource types each (instance, image, subnet, security group, volume …): granted on * with a note.
    ...same('unknown', 'RunInstances', 'CreateTags', 'DeleteTags', 'CreateSecurityGroup', 'AuthorizeSecurityGroupIngress', 'CreateVolume', 'AttachVolume'),
  },
};

export const stepFunctionsActions: ServiceActions = {
  eventSource: 'states.amazonaws.com',
  prefix: 'states',
  events: {
    ...same('stateMachine', 'StartExecution', 'StartSyncExecution', 'DescribeStateMachine', 'UpdateStateMachine', 'DeleteStateMachine', 'ListExecutions'),
    CreateStateMachine: ['CreateStateMachine@unknown', 'iam:PassRole@passRole'],
    ...same('unknown', 'DescribeExecution', 'StopExecution', 'GetExecutionHistory', 'SendTaskSuccess', 'SendTaskFailure', 'SendTaskHeartbeat'),
    ...same(undefined, 'ListStateMachines', 'ListActivities'),
  },
};

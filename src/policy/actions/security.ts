// IAM, AWS STS, AWS KMS and AWS Secrets Manager: CloudTrail eventNames → IAM actions.
// Sources: Service Authorization Reference, IAM (list_awsidentityandaccessmanagementiam.html), AWS STS
// (list_awssecuritytokenservice.html), AWS KMS (list_awskeymanagementservice.html), AWS Secrets Manager
// (list_awssecretsmanager.html). Calls needing no permission: GetCallerIdentity (STS API Reference,
// API_GetCallerIdentity.html: "No permissions are required to perform this operation"), GetSessionToken (IAM User
// Guide, id_credentials_temp_control-access_getsessiontoken.html), and the unsigned AssumeRoleWithWebIdentity and
// AssumeRoleWithSAML, which the role's trust policy alone governs.
import type { CloudTrailRecord } from '../../vocabulary/record.js';
import type { ServiceActions } from '../action-spec.js';
import { param, same } from '../action-spec.js';

export const iamActions: ServiceActions = {
  eventSource: 'iam.amazonaws.com',
  prefix: 'iam',
  events: {
    ...same(
      'user',
      'CreateUser', 'DeleteUser', 'GetUser', 'UpdateUser', 'TagUser', 'UntagUser', 'ListUserTags', 'CreateAccessKey',
      'DeleteAccessKey', 'ListAccessKeys', 'UpdateAccessKey', 'AttachUserPolicy', 'DetachUserPolicy', 'PutUserPolicy',
      'DeleteUserPolicy', 'GetUserPolicy', 'ListUserPolicies', 'ListAttachedUserPolicies', 'ListGroupsForUser',
      'CreateLoginProfile', 'DeleteLoginProfile', 'GetLoginProfile', 'UpdateLoginProfile', 'ListMFADevices',
      'ListSSHPublicKeys', 'ListSigningCertificates', 'ListServiceSpecificCredentials',
    ),
    ...same(
      'role',
      'CreateRole', 'DeleteRole', 'GetRole', 'UpdateRole', 'UpdateAssumeRolePolicy', 'TagRole', 'UntagRole',
      'ListRoleTags', 'AttachRolePolicy', 'DetachRolePolicy', 'PutRolePolicy', 'DeleteRolePolicy', 'GetRolePolicy',
      'ListRolePolicies', 'ListAttachedRolePolicies', 'ListInstanceProfilesForRole', 'UpdateRoleDescription',
      'PutRolePermissionsBoundary', 'DeleteRolePermissionsBoundary',
    ),
    ...same(
      'policy',
      'CreatePolicy', 'DeletePolicy', 'GetPolicy', 'GetPolicyVersion', 'CreatePolicyVersion', 'DeletePolicyVersion',
      'ListPolicyVersions', 'SetDefaultPolicyVersion', 'ListEntitiesForPolicy', 'TagPolicy', 'UntagPolicy', 'ListPolicyTags',
    ),
    ...same(
      'group',
      'CreateGroup', 'DeleteGroup', 'GetGroup', 'AddUserToGroup', 'RemoveUserFromGroup', 'AttachGroupPolicy',
      'DetachGroupPolicy', 'PutGroupPolicy', 'GetGroupPolicy', 'DeleteGroupPolicy', 'ListGroupPolicies',
      'ListAttachedGroupPolicies',
    ),
    ...same(
      undefined,
      'ListUsers', 'ListRoles', 'ListPolicies', 'ListGroups', 'GetAccountSummary', 'ListAccountAliases',
      'GetAccountPasswordPolicy', 'GetAccountAuthorizationDetails', 'CreateAccountAlias', 'GenerateCredentialReport',
      'GetCredentialReport',
    ),
  },
};

/** AssumeRole needs sts:TagSession too when it passes session tags. */
function assumeRole(record: CloudTrailRecord): string[] {
  const tags = param(record, 'tags');
  return Array.isArray(tags) && tags.length > 0 ? ['AssumeRole@role', 'TagSession@role'] : ['AssumeRole@role'];
}

export const stsActions: ServiceActions = {
  eventSource: 'sts.amazonaws.com',
  prefix: 'sts',
  events: {
    GetCallerIdentity: null,
    GetSessionToken: null,
    AssumeRoleWithWebIdentity: null,
    AssumeRoleWithSAML: null,
    AssumeRole: assumeRole,
    GetFederationToken: 'GetFederationToken@unknown',
    ...same(undefined, 'DecodeAuthorizationMessage', 'GetAccessKeyInfo'),
  },
};

export const kmsActions: ServiceActions = {
  eventSource: 'kms.amazonaws.com',
  prefix: 'kms',
  events: {
    ...same(
      'key',
      'Encrypt', 'Decrypt', 'GenerateDataKey', 'GenerateDataKeyWithoutPlaintext', 'GenerateDataKeyPair',
      'GenerateDataKeyPairWithoutPlaintext', 'DescribeKey', 'GetKeyPolicy', 'PutKeyPolicy', 'EnableKey', 'DisableKey',
      'ScheduleKeyDeletion', 'CancelKeyDeletion', 'EnableKeyRotation', 'DisableKeyRotation', 'GetKeyRotationStatus',
      'GetPublicKey', 'Sign', 'Verify', 'GenerateMac', 'VerifyMac', 'TagResource', 'UntagResource', 'ListResourceTags',
      'CreateGrant', 'ListGrants', 'RevokeGrant', 'UpdateKeyDescription',
    ),
    ReEncrypt: ['ReEncryptFrom@key', 'ReEncryptTo@key'],
    ...same('unknown', 'CreateAlias', 'DeleteAlias', 'UpdateAlias', 'RetireGrant'),
    ...same(undefined, 'CreateKey', 'ListKeys', 'ListAliases', 'GenerateRandom'),
  },
};

export const secretsManagerActions: ServiceActions = {
  eventSource: 'secretsmanager.amazonaws.com',
  prefix: 'secretsmanager',
  events: {
    ...same(
      'secret',
      'GetSecretValue', 'PutSecretValue', 'CreateSecret', 'DeleteSecret', 'DescribeSecret', 'UpdateSecret',
      'RestoreSecret', 'RotateSecret', 'CancelRotateSecret', 'TagResource', 'UntagResource', 'ListSecretVersionIds',
      'GetResourcePolicy', 'PutResourcePolicy', 'DeleteResourcePolicy', 'UpdateSecretVersionStage',
    ),
    ...same(undefined, 'ListSecrets', 'GetRandomPassword', 'BatchGetSecretValue'),
  },
};

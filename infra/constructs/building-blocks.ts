import { Duration, Stack, Validations } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

/** An encrypted, TLS-only dead-letter queue that keeps what failed for 14 days. */
export function createDeadLetterQueue(scope: Construct, id: string, of: string): Queue {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter queue of ${of}; a DLQ of a DLQ would only move the problem.`,
  });
  return queue;
}

/**
 * A customer managed key for an encrypted SNS topic that an AWS service publishes to: the AWS
 * managed aws/sns key cannot be granted to SES or CloudWatch.
 */
export function topicKey(scope: Construct, id: string, props: { description: string; publisher: string; sid: string }): Key {
  const key = new Key(scope, id, { description: props.description, enableKeyRotation: true, pendingWindow: Duration.days(30) });
  key.addToResourcePolicy(
    new PolicyStatement({
      sid: props.sid,
      principals: [new ServicePrincipal(props.publisher)],
      actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
      resources: ['*'], // in a key policy, "*" is this key
      conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
    }),
  );
  return key;
}

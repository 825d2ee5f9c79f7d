import { RemovalPolicy, type CfnResource } from 'aws-cdk-lib';
import { AttributeType, Billing, ProjectionType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE } from '../../shared/platform/table';

export const TABLE_LOGICAL_ID = 'Table';
/** CDK context naming indexes to leave out of this deploy (`-c bevakning:holdIndexes=byDecisionBody`). */
export const HOLD_INDEXES_CONTEXT = 'bevakning:holdIndexes';

/**
 * The one DynamoDB table, from the same definition the local stack uses (shared/platform/table.ts).
 *
 * Kept safe: on-demand billing (a municipality's traffic is small and bursty: 07:00 jobs, office
 * hours), point-in-time recovery (35 days), deletion protection, and RETAIN so that neither a
 * stack deletion nor a replacement can drop the data.
 *
 * Encryption at rest with the AWS managed key (aws/dynamodb) rather than the default AWS owned
 * key: every use of the key is in the municipality's own CloudTrail, at no key cost. A customer
 * managed key (about 1 USD a month plus requests) would add key-policy control and the option to
 * make the data unreadable by disabling the key; switch to TableEncryptionV2.customerManagedKey
 * if the information-security classification asks for that (DynamoDB changes keys in place).
 */
export class DataTable extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // CloudFormation adds one index per table update: a release that adds two is deployed in two
    // steps, the first holding the later index back (README, "Deploy").
    const held = String(this.node.tryGetContext(HOLD_INDEXES_CONTEXT) ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: Object.values(TABLE.indexes)
        .filter((index) => !held.includes(index.indexName))
        .map((index) => ({
          indexName: index.indexName,
          partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
          sortKey: { name: index.sortKey, type: AttributeType.STRING },
          projectionType: ProjectionType.ALL,
        })),
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: 35 },
      deletionProtection: true,
      encryption: TableEncryptionV2.awsManagedKey(),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // A fixed logical id: moving or renaming this construct must never make CloudFormation create
    // a new, empty table beside the retained one.
    (this.table.node.defaultChild as CfnResource).overrideLogicalId(TABLE_LOGICAL_ID);
  }
}

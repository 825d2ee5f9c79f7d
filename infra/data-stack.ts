import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import { DataTable } from './constructs/data';

/**
 * The stateful stack: only the table. Deployed rarely and apart from the functions, so that
 * replacing or deleting the app stack never touches the data.
 */
export class DataStack extends Stack {
  readonly table: ITableV2;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    this.table = new DataTable(this, 'Data').table;
  }
}

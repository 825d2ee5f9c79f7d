import type { SNSEvent } from 'aws-lambda';
import { snsEvent, suppressionsFrom } from '../../shared/application/reminders/ses-events';
import { applySuppression } from '../../shared/application/reminders/suppress';
import { logger } from '../../shared/platform/logger';
import { sesEventDependencies } from './dependencies';

/** SES bounce and complaint events from the configuration set's SNS topic. */
export function createHandler(deps = sesEventDependencies) {
  return async (event: SNSEvent): Promise<{ suppressed: number }> => {
    const parsed = snsEvent.safeParse(event);
    if (!parsed.success) {
      logger.warn('not an SNS event; ignored');
      return { suppressed: 0 };
    }
    const dependencies = deps();
    let suppressed = 0;
    for (const record of parsed.data.Records) {
      for (const suppression of suppressionsFrom(record.Sns.Message)) {
        const { notified } = await applySuppression(dependencies, suppression, dependencies.clock().toISOString());
        // The address itself is personal data: log only that one was suppressed and why.
        logger.info('address suppressed', { reason: suppression.reason, registrarsNotified: notified.length });
        suppressed++;
      }
    }
    return { suppressed };
  };
}

export const handler = createHandler();

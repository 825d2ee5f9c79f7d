import * as z from 'zod';

/**
 * SES bounce and complaint notifications, as SNS delivers them: either the identity
 * notification format (`notificationType`) or a configuration set's event format (`eventType`).
 */
const recipient = z.object({ emailAddress: z.string() }).loose();
const sesMessage = z
  .object({
    notificationType: z.string().optional(),
    eventType: z.string().optional(),
    bounce: z.object({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: z.array(recipient) }).loose().optional(),
    complaint: z.object({ complainedRecipients: z.array(recipient), complaintFeedbackType: z.string().optional() }).loose().optional(),
    mail: z.object({ messageId: z.string().optional() }).loose().optional(),
  })
  .loose();

export const snsEvent = z.object({
  Records: z.array(z.object({ Sns: z.object({ Message: z.string(), MessageId: z.string().optional() }).loose() }).loose()),
});

export interface Suppression {
  email: string;
  reason: 'bounce' | 'complaint';
  detail: string;
}

/** The addresses to stop mailing: permanent bounces and complaints. A transient bounce is retried by SES and ignored here. */
export function suppressionsFrom(message: string): Suppression[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [];
  }
  const result = sesMessage.safeParse(parsed);
  if (!result.success) return [];
  const event = result.data;
  const type = event.notificationType ?? event.eventType;
  const normalize = (address: string) => address.replace(/^.*<([^>]+)>.*$/, '$1').trim().toLowerCase();
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    return event.bounce.bouncedRecipients.map((r) => ({
      email: normalize(r.emailAddress),
      reason: 'bounce' as const,
      detail: `Permanent studs (${event.bounce?.bounceSubType ?? 'General'})`,
    }));
  }
  if (type === 'Complaint' && event.complaint) {
    return event.complaint.complainedRecipients.map((r) => ({
      email: normalize(r.emailAddress),
      reason: 'complaint' as const,
      detail: 'Mottagaren markerade mejlet som skräppost',
    }));
  }
  return [];
}

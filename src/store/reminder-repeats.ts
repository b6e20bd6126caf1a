import type { Reader } from './tx.js';

/**
 * True when the reminder repeats an earlier one of the same subject (a round's d3 after its
 * d7): an earlier reminder of that subject was already sent. What a platform with a monthly
 * budget drops first (Zalo). One indexed read.
 */
export async function isRepeatReminder(
  reader: Reader,
  reminder: { id: number; subjectType: string; subjectId: number; dueAt: Date },
): Promise<boolean> {
  const earlier = await reader.db.reminder.findFirst({
    where: {
      subjectType: reminder.subjectType,
      subjectId: reminder.subjectId,
      state: 'sent',
      dueAt: { lt: reminder.dueAt },
      id: { not: reminder.id },
    },
    select: { id: true },
  });
  return earlier !== null;
}

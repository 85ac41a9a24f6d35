import { format } from 'date-fns/format';

/** Today's date in the server's calendar, as YYYY-MM-DD: the day overdue is judged on. */
export function todayIso(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** What every route needs besides the request: the database and the calendar. */
import type { Db } from '../db/client.js';

export interface AppContext {
  db: Db;
  /** Today's date as YYYY-MM-DD: the day overdue is judged on. */
  today(): string;
}

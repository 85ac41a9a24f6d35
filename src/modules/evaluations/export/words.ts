/**
 * Statuses as the English matrix template writes them, for the .docx export (which import reads back
 * into the same evaluation). Spreadsheets are said in the reader's language instead (lib/words.ts).
 */
export const STATUS_LABELS: Record<string, string> = {
  not_initiated: 'Not initiated',
  initiated: 'Initiated',
  completed: 'Completed',
  no_longer_applicable: 'No longer applicable',
  open: 'Open',
  discarded: 'Discarded',
};

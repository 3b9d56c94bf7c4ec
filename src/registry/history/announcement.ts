/** The last change-set the bot announced, as the Home tab shows it. */
export interface Announcement {
  /** Epoch milliseconds. */
  at: number;
  /** One line, e.g. "Multicluster: Alpha → Beta (promoted); and 2 more". */
  summary: string;
}

/** The local activities of the bare baseline's floors (bare-workflow): none, and one committed row. */
export interface BareActivities {
  doNothing(): Promise<void>;
  commitRow(rowId: string): Promise<void>;
}

import type { SettingsForm } from "../../hooks/useSettings";
import type { WorkbookActions } from "../../hooks/useWorkbookActions";
import type { WorkbookHost } from "../../host/WorkbookHost";

export interface CoachProps {
  /** Where the MPS.TABLE blocks are read from and where a message's cell is selected. */
  host: WorkbookHost;
  /** The workbook's settings (`saved`, which the functions compute with) and the chosen model (for a sample sheet). */
  form: SettingsForm;
  /** Insert sample sheet, offered when the workbook has no MPS.TABLE yet. */
  actions: WorkbookActions;
  /**
   * How long the coach waits after Excel's last calculation before reading the blocks again (a
   * recalculation fires the event once per sheet, and often several times in a row).
   * @default 500
   */
  debounceMs?: number;
}

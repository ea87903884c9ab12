/**
 * The coach's state: the MPS.TABLE blocks as last read, the list made from them with the
 * workbook's settings, the type filter, and the reading itself: on opening, on demand, and after
 * Excel recalculates (debounced). Selecting a message selects its cell in Excel.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { ExceptionType } from "../../../engine";
import { messageOf } from "../../hooks/messageOf";
import type { MpsBlock } from "../../host/tableCalls";
import type { CoachProps } from "./Coach.types";
import { coachReport, filterReport, type CoachItem, type CoachLine, type CoachReport } from "./coachReport";

export interface CoachState {
  /** Undefined until the blocks have been read once. */
  report?: CoachReport;
  /** The items shown: all of them, or only the messages of the chosen type; the first `ITEMS_PER_PAGE` at first. */
  shown: CoachItem[];
  /** How many more items the list holds beyond those shown. */
  hidden: number;
  /** Shows the next `ITEMS_PER_PAGE` items. */
  showMore(): void;
  /** The type shown alone; null for all. */
  filter: ExceptionType | null;
  setFilter(type: ExceptionType | null): void;
  /** True while the blocks are being read. */
  reading: boolean;
  /** Why the last read or selection failed. */
  error?: string;
  refresh(): Promise<void>;
  select(line: CoachLine): void;
  insertSample(): void;
}

/**
 * Items drawn at once: a workbook of 1,000 items can carry 10,000 messages, and drawing them all
 * would freeze the pane; the most urgent come first, the rest on demand.
 */
export const ITEMS_PER_PAGE = 50;

export function useCoach({ host, form, actions, debounceMs = 500 }: CoachProps): CoachState {
  const [blocks, setBlocks] = useState<MpsBlock[]>();
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string>();
  const [filter, setFilterState] = useState<ExceptionType | null>(null);
  const [pages, setPages] = useState(1);
  // One read at a time; a refresh asked during one reads again once it is done.
  const busy = useRef(false);
  const again = useRef(false);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    setReading(true);
    try {
      do {
        again.current = false;
        try {
          const read = await host.readMpsBlocks();
          if (live.current) {
            setBlocks(read);
            setError(undefined);
          }
        } catch (failure) {
          if (live.current) setError(`The MPS blocks could not be read: ${messageOf(failure)}`);
        }
      } while (again.current && live.current);
    } finally {
      busy.current = false;
      if (live.current) setReading(false);
    }
  }, [host]);

  useEffect(() => {
    live.current = true;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = host.onCalculated(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), debounceMs);
    });
    return () => {
      live.current = false;
      clearTimeout(timer);
      stop();
    };
  }, [host, refresh, debounceMs]);

  const report = useMemo(() => (blocks === undefined ? undefined : coachReport(blocks, form.saved)), [blocks, form.saved]);
  // A filter whose type is gone (the plan changed) shows everything again.
  const active = filter !== null && report?.counts[filter] !== undefined ? filter : null;
  const filtered = useMemo(() => (report === undefined ? [] : filterReport(report, active)), [report, active]);
  const shown = useMemo(() => filtered.slice(0, pages * ITEMS_PER_PAGE), [filtered, pages]);
  const setFilter = useCallback((type: ExceptionType | null) => {
    setFilterState(type);
    setPages(1);
  }, []);
  const showMore = useCallback(() => setPages((n) => n + 1), []);

  const select = useCallback(
    (line: CoachLine) => {
      host.selectCell(line.target.sheet, line.target.address).then(
        () => setError(undefined),
        (failure: unknown) => setError(`The cell ${line.target.sheet}!${line.target.address} could not be selected: ${messageOf(failure)}`),
      );
    },
    [host],
  );

  const insertSample = useCallback(() => {
    void actions.insertSampleSheet(form.draft.model).then(() => refresh());
  }, [actions, form.draft.model, refresh]);

  return { report, shown, hidden: filtered.length - shown.length, showMore, filter: active, setFilter, reading, error, refresh, select, insertSample };
}

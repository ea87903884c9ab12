/**
 * The workbook actions of the pane, insert a sample sheet and insert a chart, with the state
 * each needs: which one is running, what came of it, and the last sample sheet (the chart's
 * source when the selection is not in an MPS.TABLE block).
 */
import { useCallback, useState } from "react";
import type { ProductionModel } from "../../engine";
import type { WorkbookHost } from "../host/WorkbookHost";
import { messageOf } from "./messageOf";

export type WorkbookAction = "sample" | "chart";

export interface ActionOutcome {
  action: WorkbookAction;
  intent: "success" | "error";
  message: string;
}

export interface WorkbookActions {
  busy?: WorkbookAction;
  outcome?: ActionOutcome;
  /** The last sample sheet this pane inserted. */
  sampleSheet?: string;
  insertSampleSheet(model: ProductionModel): Promise<void>;
  insertChart(): Promise<void>;
}

export function useWorkbookActions(host: WorkbookHost): WorkbookActions {
  const [busy, setBusy] = useState<WorkbookAction>();
  const [outcome, setOutcome] = useState<ActionOutcome>();
  const [sampleSheet, setSampleSheet] = useState<string>();

  const run = useCallback(async (action: WorkbookAction, work: () => Promise<string>) => {
    setBusy(action);
    setOutcome(undefined);
    try {
      setOutcome({ action, intent: "success", message: await work() });
    } catch (error) {
      setOutcome({ action, intent: "error", message: messageOf(error) });
    } finally {
      setBusy(undefined);
    }
  }, []);

  const insertSampleSheet = useCallback(
    (model: ProductionModel) =>
      run("sample", async () => {
        const name = await host.insertSampleSheet(model);
        setSampleSheet(name);
        return `Sample sheet “${name}” added (${model}).`;
      }),
    [host, run],
  );

  const insertChart = useCallback(
    () =>
      run("chart", async () => {
        const chart = await host.insertChart(sampleSheet);
        const from = chart.source === "sample" ? "the sample block" : "the selected block";
        if (chart.chart === "capacity") {
          return `Chart of load against capacity of ${from} added on “${chart.sheet}”; Load cells above capacity show red.`;
        }
        return `Chart of ${from} added on “${chart.sheet}”.`;
      }),
    [host, run, sampleSheet],
  );

  return { busy, outcome, sampleSheet, insertSampleSheet, insertChart };
}

/** The Coach view: the exception messages of every MPS.TABLE block in the workbook, most urgent first. */
import type { CoachProps } from "./Coach.types";
import { renderCoach } from "./renderCoach";
import { useCoach } from "./useCoach";
import { useCoachStyles } from "./useCoachStyles";

export function Coach(props: CoachProps) {
  const state = useCoach(props);
  return renderCoach(props, state, useCoachStyles());
}

/** A whole-number-of-periods setting: label, one-line explanation, SpinButton, and its message. */
import type { PeriodFieldProps } from "./PeriodField.types";
import { renderPeriodField } from "./renderPeriodField";
import { usePeriodFieldStyles } from "./usePeriodFieldStyles";

export function PeriodField(props: PeriodFieldProps) {
  return renderPeriodField(props, usePeriodFieldStyles());
}

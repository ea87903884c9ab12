/** The first-run block, pure JSX: what the add-in does, where its help is, a sample to start from. */
import { Body1, Button, Link, Subtitle2 } from "@fluentui/react-components";
import type { FirstRunProps } from "./FirstRun.types";
import type { FirstRunState } from "./useFirstRun";
import type { useFirstRunStyles } from "./useFirstRunStyles";

export function renderFirstRun(
  { actions, helpUrl = "help.html" }: FirstRunProps,
  { open, close, insertSample }: FirstRunState,
  styles: ReturnType<typeof useFirstRunStyles>,
) {
  if (!open) return null;
  return (
    <section className={styles.root} aria-labelledby="first-run-heading" data-testid="section-first-run">
      <Subtitle2 as="h2" id="first-run-heading" className={styles.heading}>
        Start planning
      </Subtitle2>
      <Body1 as="p" className={styles.text}>
        MPS.* formulas turn forecasts and customer orders into a master production schedule: what to produce, when,
        and what can still be promised. The settings below are their defaults in this workbook.
      </Body1>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={actions.busy !== undefined} onClick={insertSample}>
          Insert a sample sheet
        </Button>
        <Link href={helpUrl} target="_blank" rel="noopener noreferrer">
          How the MPS functions work
        </Link>
        <Button appearance="subtle" size="small" onClick={close}>
          Got it
        </Button>
      </div>
    </section>
  );
}

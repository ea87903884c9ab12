/**
 * The coach's JSX: what needs the planner in every MPS.TABLE block, grouped by item, most urgent
 * first; a count per type that filters; Refresh; and, before the first block, what the coach
 * checks and how to add one. Pure.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Title3,
  ToggleButton,
  tokens,
  type BadgeProps,
} from "@fluentui/react-components";
import { EXCEPTION_TYPES, type ExceptionType } from "../../../engine";
import type { CoachProps } from "./Coach.types";
import { TYPE_NAMES, type CoachItem } from "./coachReport";
import { ITEMS_PER_PAGE, type CoachState } from "./useCoach";
import type { useCoachStyles } from "./useCoachStyles";

type Styles = ReturnType<typeof useCoachStyles>;

/** Customers at risk red, work behind and capacity orange, receipts and lots amber, forecast quality blue. */
function colourOf(type: ExceptionType): BadgeProps["color"] {
  const rank = EXCEPTION_TYPES.indexOf(type);
  if (rank < EXCEPTION_TYPES.indexOf("release-past-due")) return "danger";
  if (rank <= EXCEPTION_TYPES.indexOf("overload")) return "severe";
  if (rank <= EXCEPTION_TYPES.indexOf("split-lot")) return "warning";
  return "informative";
}

/** What the coach looks for, in a planner's words (the empty state). */
const CHECKS = [
  "shortages and stock below safety stock the plan cannot prevent, and what to expedite inside the planning time fence",
  "orders promised beyond supply (negative ATP)",
  "production late against capacity, overloaded periods, starts the lead time puts in the past",
  "scheduled receipts to move in, move out or cancel, and lots above the maximum lot size",
  "orders beyond forecast, and forecast left unconsumed inside the demand time fence",
];

function renderItem(item: CoachItem, state: CoachState, styles: Styles) {
  const id = `coach-item-${item.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  // The item's badges as wide as its longest type's name, so its messages start at one place.
  const longest = Math.max(0, ...item.lines.map((line) => TYPE_NAMES[line.type].length));
  const badgeWidth = { width: `calc(${longest}ch + ${tokens.spacingHorizontalS})` };
  return (
    <section key={item.key} className={styles.item} aria-labelledby={id}>
      <div className={styles.itemHeader}>
        <Subtitle2 as="h3" id={id} className={styles.heading}>
          {item.label}
        </Subtitle2>
        {item.label !== item.where && <Caption1 className={styles.muted}>{item.where}</Caption1>}
      </div>
      {item.problem !== undefined ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{item.problem}</MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.lines} aria-label={`Messages for ${item.label}`}>
          {item.lines.map((line) => (
            <li key={`${line.type}:${line.period}`}>
              <Button
                appearance="subtle"
                className={styles.line}
                title={`Select ${line.target.sheet}!${line.target.address}`}
                onClick={() => state.select(line)}
              >
                <Badge className={styles.type} style={badgeWidth} appearance="tint" color={colourOf(line.type)}>
                  {TYPE_NAMES[line.type]}
                </Badge>
                <span className={styles.message}>{line.message}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function renderEmpty(state: CoachState, props: CoachProps, styles: Styles) {
  return (
    <div className={styles.root} data-testid="coach-empty">
      <Body1 as="p" className={styles.text}>
        The coach reads every <code>MPS.TABLE</code> block in this workbook and lists what needs you, most urgent first:
      </Body1>
      <ul className={styles.checks}>
        {CHECKS.map((check) => (
          <li key={check}>
            <Body1>{check}</Body1>
          </li>
        ))}
      </ul>
      <Body1 as="p" className={styles.text}>
        This workbook has no <code>MPS.TABLE</code> yet. Insert a sample sheet to start from a ready layout, or type{" "}
        <code>=MPS.TABLE(forecast, orders, on_hand)</code> in any cell.
      </Body1>
      <div className={styles.toolbar}>
        <Button appearance="primary" disabledFocusable={props.actions.busy !== undefined} onClick={state.insertSample}>
          Insert sample sheet
        </Button>
      </div>
    </div>
  );
}

export function renderCoach(props: CoachProps, state: CoachState, styles: Styles) {
  const { report } = state;
  const total = report === undefined ? 0 : Object.values(report.counts).reduce((sum, count) => sum + (count ?? 0), 0);
  const flagged = report === undefined ? 0 : report.items.filter((item) => item.problem === undefined).length;
  return (
    <section className={styles.root} aria-labelledby="coach-heading" data-testid="coach">
      <header className={styles.header}>
        <Title3 as="h1" id="coach-heading">
          Coach
        </Title3>
        <Caption1 className={styles.muted}>What needs you in this workbook&apos;s MPS, most urgent first. Select a message to go to its cell.</Caption1>
      </header>
      <div className={styles.toolbar}>
        <Button disabledFocusable={state.reading} onClick={() => void state.refresh()}>
          Refresh
        </Button>
        {state.reading && <Spinner size="tiny" label="Reading the MPS blocks…" />}
        {!state.reading && report !== undefined && report.blocks > 0 && (
          <Caption1 className={styles.muted} role="status">
            {total} {total === 1 ? "message" : "messages"} in {flagged} of {report.blocks} MPS.TABLE {report.blocks === 1 ? "block" : "blocks"}
          </Caption1>
        )}
      </div>
      {state.error !== undefined && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      )}
      {report !== undefined && report.blocks === 0 && renderEmpty(state, props, styles)}
      {report !== undefined && report.blocks > 0 && report.items.length === 0 && (
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>On plan</MessageBarTitle> Nothing to act on in {report.blocks === 1 ? "the" : `all ${report.blocks}`} MPS.TABLE{" "}
            {report.blocks === 1 ? "block" : "blocks"}.
          </MessageBarBody>
        </MessageBar>
      )}
      {total > 0 && (
        <div className={styles.filters} role="group" aria-label="Show messages of one type">
          <ToggleButton size="small" checked={state.filter === null} onClick={() => state.setFilter(null)}>
            All ({total})
          </ToggleButton>
          {EXCEPTION_TYPES.filter((type) => report?.counts[type] !== undefined).map((type) => (
            <ToggleButton
              key={type}
              size="small"
              checked={state.filter === type}
              onClick={() => state.setFilter(state.filter === type ? null : type)}
            >
              {TYPE_NAMES[type]} ({report?.counts[type]})
            </ToggleButton>
          ))}
        </div>
      )}
      {state.shown.map((item) => renderItem(item, state, styles))}
      {state.hidden > 0 && (
        <div className={styles.toolbar}>
          <Button onClick={state.showMore}>
            Show {Math.min(state.hidden, ITEMS_PER_PAGE)} more {state.hidden === 1 ? "item" : "items"} ({state.hidden} not shown)
          </Button>
        </div>
      )}
      {report !== undefined && report.onPlan > 0 && report.items.length > 0 && (
        <Caption1 className={styles.muted}>
          {report.onPlan} more {report.onPlan === 1 ? "block is" : "blocks are"} on plan.
        </Caption1>
      )}
    </section>
  );
}

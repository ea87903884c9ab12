/** The pane's notices (see renderNotices): nothing is shown when there is nothing to say. */
import type { NoticesProps } from "./Notices.types";
import { renderNotices } from "./renderNotices";
import { useNoticesStyles } from "./useNoticesStyles";

export function Notices(props: NoticesProps) {
  const styles = useNoticesStyles();
  const { inExcel, form } = props;
  if (inExcel && !form.notice && !form.coauthor) return null;
  return renderNotices(props, styles);
}

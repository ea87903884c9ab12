import type { SectionProps } from "../TaskPane/TaskPane.types";

export interface FirstRunProps extends SectionProps {
  /**
   * Where the functions' help page is, relative to the pane's page (the build puts help.html
   * next to taskpane.html).
   * @default "help.html"
   */
  helpUrl?: string;
}

import type { EditorThemeClasses } from 'lexical';

/** Class names the editor puts on its nodes; styled in styles.css under `.editor`. */
export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'ed-p',
  heading: { h2: 'ed-h2', h3: 'ed-h3' },
  quote: 'ed-quote',
  list: { ul: 'ed-ul', ol: 'ed-ol', listitem: 'ed-li', nested: { listitem: 'ed-li-nested' } },
  link: 'ed-link',
  mark: 'comment-mark',
  markOverlap: 'comment-mark-overlap',
  table: 'ed-table',
  tableCell: 'ed-td',
  tableCellHeader: 'ed-th',
  text: {
    bold: 'ed-bold',
    italic: 'ed-italic',
    underline: 'ed-underline',
    strikethrough: 'ed-strike',
    underlineStrikethrough: 'ed-underline-strike',
  },
};

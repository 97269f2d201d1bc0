/**
 * Text that leaves the program for another tool: CSV cells a spreadsheet opens (formula injection, OWASP "CSV
 * Injection") and text a terminal prints (ANSI/OSC escape sequences in names from untrusted files).
 */

/** A text cell a spreadsheet would run as a formula: it starts (after any quote marks we added) with = + - @ tab CR. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** A plain decimal number written as text ("-3.5"): not a formula, left alone. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Neutralises a text CSV cell as OWASP recommends: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage
 * return gets a leading `'`, so a spreadsheet shows it as text instead of evaluating it. Plain numbers written as
 * text (`-3.5`) are left alone; {@link restoreCsvCell} undoes it exactly.
 *
 * @example neutralizeCsvCell("=cmd|' /C calc'!A0") // "'=cmd|' /C calc'!A0"
 */
export function neutralizeCsvCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * The inverse of {@link neutralizeCsvCell}, for reading CSV this project wrote.
 *
 * @example restoreCsvCell("'=SUM(A1)") // '=SUM(A1)'
 */
export function restoreCsvCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) && !PLAIN_NUMBER.test(text.slice(1))
    ? text.slice(1)
    : text;
}

/**
 * Escapes control characters for printing on a terminal: C0 controls other than line feed and tab, DEL and the
 * C1 range (which hold ESC, CSI and OSC, the start of colour, cursor, title and hyperlink sequences) become visible
 * `\xHH` text. Line feeds and tabs are kept.
 *
 * @example terminalSafe('name\x1b]0;pwned\x07') // 'name\\x1b]0;pwned\\x07'
 */
export function terminalSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
    (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );
}

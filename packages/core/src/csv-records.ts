/**
 * A structural pass over CSV text (RFC 4180 quoting) that finds where each record starts and how many fields it
 * has, so malformed CSV (unterminated quotes, stray quotes, ragged rows) is reported by line before arquero parses
 * the table; arquero's `fromCSV` is lenient and would not say where.
 */

/** Position and field count of one record. */
export interface CsvRecordInfo {
  /** 1-based line on which the record starts */
  line: number;
  fields: number;
}

/** Result of {@link scanCsvRecords}. */
export interface CsvScan {
  records: CsvRecordInfo[];
  /** structural errors with the line they occur on */
  errors: { line: number; message: string }[];
}

/**
 * Scan `text` record by record. Blank lines between records are skipped (arquero skips them too).
 *
 * @example
 * scanCsvRecords('a,b\n1,"x\ny"\n').records // [{line: 1, fields: 2}, {line: 2, fields: 2}]
 */
export function scanCsvRecords(text: string): CsvScan {
  const records: CsvRecordInfo[] = [];
  const errors: { line: number; message: string }[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // skip empty lines between records
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) {
      i += text[i] === '\r' ? 2 : 1;
      line++;
      continue;
    }
    const start = line;
    let fields = 1;
    let atFieldStart = true;
    let inQuotes = false;
    let quotedField = false;
    let afterClosingQuote = false;
    for (; i < n; i++) {
      const c = text[i];
      if (inQuotes) {
        if (c === '"') {
          if (text[i + 1] === '"') i++;
          else {
            inQuotes = false;
            afterClosingQuote = true;
          }
        } else if (c === '\n') line++;
        continue;
      }
      if (c === ',') {
        fields++;
        atFieldStart = true;
        quotedField = false;
        afterClosingQuote = false;
        continue;
      }
      if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
        i += c === '\r' ? 2 : 1;
        line++;
        break;
      }
      if (c === '"') {
        if (atFieldStart) {
          inQuotes = true;
          quotedField = true;
          atFieldStart = false;
        } else {
          errors.push({ line, message: 'stray double quote inside an unquoted field' });
        }
        continue;
      }
      if (afterClosingQuote && quotedField) {
        errors.push({ line, message: 'text after the closing quote of a quoted field' });
        afterClosingQuote = false;
      }
      atFieldStart = false;
    }
    if (inQuotes)
      errors.push({ line: start, message: 'unterminated quoted field (no closing double quote before end of file)' });
    records.push({ line: start, fields });
  }
  return { records, errors };
}

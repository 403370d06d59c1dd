/**
 * CSV for exports (the winners CSV in routes/winners.ts). Imports nothing.
 */

/**
 * One CSV record. A cell that a spreadsheet would read as a formula (it
 * begins with =, +, -, @, a tab or a carriage return) gets a leading ' (the
 * OWASP rule), in every column: players choose their ids, names and
 * addresses. Then RFC 4180: cells with a comma, quote or line break are
 * quoted, quotes doubled (an address keeps its lines inside one cell); CRLF
 * ends the record.
 */
export function csvRow(fields: Array<string | number | null>): string {
  const cells = fields.map((field) => {
    let text = field === null ? "" : String(field);
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  });
  return `${cells.join(",")}\r\n`;
}

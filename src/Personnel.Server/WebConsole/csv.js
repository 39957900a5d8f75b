// CSV that Excel opens as UTF-8: a byte-order mark first, CRLF line ends, every field quoted.
export function toCsv(rows) {
  const quote = (value) => '"' + String(value ?? '').replaceAll('"', '""') + '"';
  return '\uFEFF' + rows.map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}

export function download(fileName, content) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
